using System.Text.Json;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>The output options of the real program: formats, order, colour on a terminal, files, closed pipes.</summary>
public sealed class OutputEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-out-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Run_JsonLinesInInputOrder_IsValidJsonLinesInTheOrderGiven()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-f", "jsonl", "--order", "input", "python:3", "rust:2"]);
        await process.WaitUntilAsync(() => server.Requests.Any(r => r.Subreddit == "rust" && r.RespondedAt is not null), Patience);
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        var rows = process.Stdout.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Equal(
            [("python", 1), ("python", 2), ("python", 3), ("rust", 1), ("rust", 2)],
            rows.Select(r => (r.GetProperty("subreddit").GetString(), r.GetProperty("rank").GetInt32())));
        Assert.All(rows, r => Assert.StartsWith("https://www.reddit.com/r/", r.GetProperty("permalink").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OnATerminal_ColoursTheTextAndShowsAStatusLineWhileWaiting()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], inTerminal: true);
        await process.WaitUntilAsync(() => process.Stdout.Contains("reddittop: 1/2 subreddits, 0 failed", StringComparison.Ordinal), Patience);
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        var screen = process.Stdout;
        Assert.Contains("\u001b[1m/r/python:\u001b[0m", screen, StringComparison.Ordinal);
        Assert.Contains("\u001b[1m/r/rust:\u001b[0m", screen, StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[K", screen, StringComparison.Ordinal); // the status line is gone at the end
    }

    [Fact]
    public async Task Run_CtrlCOnATerminal_EndsWithTheInterruptedLineAndNoStatusLineAfterIt()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], inTerminal: true);
        await process.WaitUntilAsync(() => process.Stdout.Contains("reddittop: 1/2 subreddits, 0 failed", StringComparison.Ordinal), Patience);
        process.PressCtrlC();

        Assert.Equal(130, await process.WaitForExitAsync(Patience));
        var screen = process.Stdout;
        var interrupted = screen.LastIndexOf("reddittop: interrupted: 1 of 2 subreddits printed", StringComparison.Ordinal);
        Assert.True(interrupted > 0, screen);
        Assert.EndsWith("\r\u001b[K", screen[..interrupted], StringComparison.Ordinal); // the status line was erased first
        Assert.Equal("reddittop: interrupted: 1 of 2 subreddits printed\r\n", screen[interrupted..]); // and nothing came after
        server.Release("python");
    }

    [Fact]
    public async Task Run_OnATerminalWithNoColor_PrintsNoColour()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1"], new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, inTerminal: true);

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Contains("/r/python:", process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[1m", process.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ColorAlwaysThroughAPipe_ColoursAndAutoDoesNot()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var always = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--color", "always", "python:1");
        var auto = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "python:1");

        Assert.Contains("\u001b[1m/r/python:\u001b[0m", always.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', auto.Stdout);
    }

    [Fact]
    public async Task Run_OutputFile_ReplacedWholeByASuccessfulRunAndKeptByAFailedOne()
    {
        var path = Path.Combine(_folder.FullName, "top.csv");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var good = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "csv", "-o", path, "python:3");
        var written = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        var bad = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "csv", "-o", path, "nosuchsub");

        Assert.Equal((0, ""), (good.ExitCode, good.Stdout));
        Assert.Equal(4, written.TrimEnd('\n').Split('\n').Length); // the header and three posts
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal(written, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["top.csv"], _folder.GetFiles().Select(f => f.Name));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("tsv")]
    [InlineData("markdown")]
    public async Task Run_ReaderClosesThePipe_StopsQuietlyInEveryFormat(string format)
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-f", format, "python:100", "rust:100"]);
        process.CloseStdout(); // as `| head -n 3` does once it has read enough
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Equal("", process.Stderr);
    }
}

using System.Text.Json;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>The real program watching subreddits, and telling new posts from those seen by the run before.</summary>
public sealed class WatchEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("reddittop-state-");

    public void Dispose() => _state.Delete(recursive: true);

    [Fact]
    public async Task Run_WatchEverySecond_PrintsRoundAfterRoundUntilCtrlC()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--watch", "1", "rust:1"]);
        await process.WaitUntilAsync(() => Blocks(process.Stdout) >= 3, Patience);
        process.Signal(ReddittopProcess.Sigint);

        Assert.Equal(130, await process.WaitForExitAsync(Patience));
        var stdout = process.Stdout;

        // Each round's header goes out with its block, never alone, whenever Ctrl+C comes.
        Assert.True(Blocks(stdout) >= 3);
        Assert.Equal(Blocks(stdout), Rounds(stdout));
        Assert.Equal(Blocks(stdout), stdout.Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal))); // every block whole
        Assert.Matches(@"^reddittop: interrupted: [01] of 1 subreddits printed\n$", process.Stderr);
        Assert.DoesNotContain('\u001b', stdout); // piped: appended, never cleared
        Assert.All(server.Requests, r => Assert.Equal("/r/rust/top.json?t=day&limit=1&raw_json=1", r.PathAndQuery));
    }

    [Fact]
    public async Task Run_SameArgumentsAgain_MarksNothingNewAndNewOnlyPrintsNothing()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, "-f", "jsonl", "python:3", "rust:2");
        var second = await RunAsync(server, "-f", "jsonl", "rust:2", "python:3"); // the same subreddits, in another order
        var third = await RunAsync(server, "--new-only", "python:3", "rust:2");
        var more = await RunAsync(server, "-f", "jsonl", "python:5", "rust:2"); // a different count is the same listing: two posts are new

        Assert.Equal((0, 0, 0, 0), (first.ExitCode, second.ExitCode, third.ExitCode, more.ExitCode));
        Assert.All(Rows(first.Stdout), r => Assert.True(r.GetProperty("is_new").GetBoolean()));
        Assert.All(Rows(second.Stdout), r => Assert.False(r.GetProperty("is_new").GetBoolean()));
        Assert.Equal("", third.Stdout); // nothing new: no block, and no header alone
        Assert.Equal([4, 5], Rows(more.Stdout).Where(r => r.GetProperty("is_new").GetBoolean()).Select(r => r.GetProperty("rank").GetInt32()));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FakeRedditServer server, params string[] args)
    {
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, .. args], new Dictionary<string, string?> { ["XDG_STATE_HOME"] = _state.FullName });
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }

    private static int Rounds(string stdout) => stdout.Split('\n').Count(l => l == new string('-', 27));

    private static int Blocks(string stdout) => stdout.Split('\n').Count(l => l == "/r/rust:");

    private static List<JsonElement> Rows(string jsonl) =>
        jsonl.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
}

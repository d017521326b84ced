using System.Text.Json;
using System.Text.RegularExpressions;
using FakeReddit;
using RedditTop.Output;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The header (text's date line and dashes, the header row of csv and tsv) goes out with the first subreddit printed,
/// never alone: a script reading stdout sees nothing when every subreddit failed.
/// </summary>
public sealed partial class HeaderEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("text")]
    [InlineData("csv")]
    [InlineData("tsv")]
    [InlineData("markdown")]
    [InlineData("jsonl")]
    public async Task Run_EverySubredditFails_PrintsNothingOnStdoutAndNamesEachOnStderr(string format)
    {
        await using var server = await StartWithAPrivateSubredditAsync();

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", format, "secret", "nosuchsub");

        Assert.Equal((1, ""), (exitCode, stdout));
        Assert.Equal(
            ["reddittop: r/nosuchsub: not found (HTTP 302 to subreddit search)", "reddittop: r/secret: private subreddit (HTTP 403)"],
            stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_EverySubredditFailsAsJson_PrintsADocumentNamingEachFailure()
    {
        await using var server = await StartWithAPrivateSubredditAsync();

        var (exitCode, stdout, _) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "json", "secret", "nosuchsub");

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(stdout);
        var subreddits = document.RootElement.GetProperty("subreddits").EnumerateArray().ToList();
        Assert.Equal(["secret", "nosuchsub"], subreddits.Select(s => s.GetProperty("name").GetString()));
        Assert.All(subreddits, s => Assert.False(s.GetProperty("ok").GetBoolean()));
        Assert.Equal(["private", "not_found"], subreddits.Select(s => s.GetProperty("error").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Run_FailureBeforeTheOnlySuccess_PrintsTheDateLineOnceJustBeforeTheBlock()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "nosuchsub", "python:2"]);
        await process.WaitUntilAsync(() => process.Stderr.Contains("r/nosuchsub: not found", StringComparison.Ordinal), Patience);
        server.Release("python");

        Assert.Equal(1, await process.WaitForExitAsync(Patience));
        var header = HeaderPattern().Match(process.Stdout);
        Assert.True(header.Success, process.Stdout);
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "python", 2), process.Stdout[header.Length..]);
    }

    [Fact]
    public async Task Run_CsvFailureBeforeTheOnlySuccess_PrintsTheHeaderRowOnceBeforeTheRows()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        server.Hold("python");

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-f", "csv", "nosuchsub", "python:2"]);
        await process.WaitUntilAsync(() => process.Stderr.Contains("r/nosuchsub: not found", StringComparison.Ordinal), Patience);
        server.Release("python");

        Assert.Equal(1, await process.WaitForExitAsync(Patience));
        var rows = process.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, rows.Length);
        Assert.Equal(string.Join(',', PostRow.Names), rows[0]);
        Assert.All(rows[1..], row => Assert.StartsWith("python,", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OnlySuccessHasNoPosts_StillPrintsTheCsvHeaderRow()
    {
        var scenario = new Scenario();
        scenario.Configure("quiet").Posts = 0;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "csv", "quiet");

        Assert.Equal((0, string.Join(',', PostRow.Names) + "\n", ""), (exitCode, stdout, stderr));
    }

    /// <summary>A server on which r/secret is private (403); unknown names are redirected to the search, as on Reddit.</summary>
    private static async Task<FakeRedditServer> StartWithAPrivateSubredditAsync()
    {
        var scenario = new Scenario();
        scenario.Configure("secret").Status = 403;
        scenario.Configure("secret").Reason = "private";
        return await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);
    }

    [GeneratedRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d\d, (0\d|1[0-2]):[0-5]\d (AM|PM)\n-{27}\n")]
    private static partial Regex HeaderPattern();
}

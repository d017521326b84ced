using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real program with <c>--max-age</c>: runs sharing one cache folder, a second run within the age printing from
/// the local copies without a request, and a later one asking again.
/// </summary>
public sealed class MaxAgeEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("reddittop-max-age-");

    public void Dispose() => _cache.Delete(recursive: true);

    private string Listings => Path.Combine(_cache.FullName, "reddittop", "listings");

    [Fact]
    public async Task Run_AgainWithinTheAge_SendsNothingAndPrintsTheSamePostsAsCopies()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, "--max-age", "3600", "-f", "jsonl", "python:3", "rust:2");
        var asked = server.Requests.Count;
        var second = await RunAsync(server, "--max-age", "3600", "-f", "jsonl", "-v", "Python:3", "rust:2");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(2, asked);
        Assert.Equal(asked, server.Requests.Count); // nothing sent the second time
        var before = Rows(first.Stdout);
        var after = Rows(second.Stdout);
        Assert.All(before, r => Assert.False(r.GetProperty("cached").GetBoolean()));
        Assert.All(after, r => Assert.True(r.GetProperty("cached").GetBoolean()));
        Assert.Equal(Posts(before), Posts(after));
        Assert.Equal(FetchedAt(before), FetchedAt(after)); // the time Reddit sent them, not the time they were printed again
        Assert.All(before, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", r.GetProperty("fetched_at").GetString()));
        Assert.Matches(@"reddittop: r/Python: from the local copy, fetched \d+ s ago\n", second.Stderr);
        Assert.Matches(@"reddittop: r/rust: from the local copy, fetched \d+ s ago\n", second.Stderr);
    }

    [Fact]
    public async Task Run_TextAgainWithinTheAge_PrintsExactlyWhatTheFirstRunPrinted()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, "--max-age", "3600", "--no-header", "--order", "input", "python:3", "rust:2");
        var second = await RunAsync(server, "--max-age", "3600", "--no-header", "--order", "input", "python:3", "rust:2");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal("", second.Stderr); // without -v nothing is said about the copies
    }

    [Fact]
    public async Task Run_AfterTheAge_AsksAgainAndIsNotACopy()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, "--max-age", "60", "-f", "csv", "python:3");
        AgeCopies(TimeSpan.FromSeconds(61));
        var second = await RunAsync(server, "--max-age", "60", "-f", "csv", "python:3");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(2, server.Requests.Count);
        var header = second.Stdout.Split('\n')[0].Split(',');
        Assert.Equal(["is_new", "fetched_at", "cached"], header[^3..]);
        Assert.All(second.Stdout.TrimEnd('\n').Split('\n')[1..], row => Assert.EndsWith(",false", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_CsvAndTsvFromACopy_SayCachedInTheLastColumn()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        await RunAsync(server, "--max-age", "3600", "python:2");
        var csv = await RunAsync(server, "--max-age", "3600", "-f", "csv", "python:2");
        var tsv = await RunAsync(server, "--max-age", "3600", "-f", "tsv", "python:2");

        Assert.Single(server.Requests);
        Assert.Equal("subreddit,rank,id,title,score,url,permalink,author,num_comments,created_utc,created,over_18,stickied,domain,flair,is_new,fetched_at,cached", csv.Stdout.Split('\n')[0]);
        Assert.All(csv.Stdout.TrimEnd('\n').Split('\n')[1..], row => Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,true$", row));
        Assert.All(tsv.Stdout.TrimEnd('\n').Split('\n')[1..], row => Assert.Matches(@"\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\ttrue$", row));
    }

    [Fact]
    public async Task Run_AnotherCountSortOrFilter_AsksAgain()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        await RunAsync(server, "--max-age", "3600", "python:3");
        await RunAsync(server, "--max-age", "3600", "python:4");
        await RunAsync(server, "--max-age", "3600", "--sort", "new", "python:3");
        await RunAsync(server, "--max-age", "3600", "-t", "week", "python:3");
        await RunAsync(server, "--max-age", "3600", "--min-score", "1", "python:3");

        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Run_RequestFailsAfterTheAge_FailsInsteadOfPrintingTheOldCopy()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Statuses = [200, 404];
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        await RunAsync(server, "--max-age", "60", "python:3");
        AgeCopies(TimeSpan.FromSeconds(61));
        var second = await RunAsync(server, "--max-age", "60", "-f", "json", "python:3");

        Assert.Equal(1, second.ExitCode);
        Assert.Equal("reddittop: r/python: not found (HTTP 404)\n", second.Stderr);
        var python = JsonDocument.Parse(second.Stdout).RootElement.GetProperty("subreddits")[0];
        Assert.False(python.GetProperty("ok").GetBoolean());
        Assert.False(python.GetProperty("cached").GetBoolean());
        Assert.Equal(JsonValueKind.Null, python.GetProperty("fetched_at").ValueKind);
    }

    [Fact]
    public async Task Run_WithoutMaxAge_WritesNoCopyAndAlwaysAsks()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        await RunAsync(server, "python:3");
        var second = await RunAsync(server, "-f", "jsonl", "python:3");
        await RunAsync(server, "--max-age", "0", "python:3");

        Assert.Equal(3, server.Requests.Count);
        Assert.False(Directory.Exists(Listings));
        Assert.All(Rows(second.Stdout), r => Assert.False(r.GetProperty("cached").GetBoolean()));
    }

    [Fact]
    public async Task Run_CopiesOnDisk_AreOwnerOnlyAndNameNoSubreddit()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        await RunAsync(server, "--max-age", "3600", "python:3", "rust:2");

        var files = Directory.GetFiles(Listings);
        Assert.Equal(2, files.Length);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
        Assert.All(files, file => Assert.Matches("^[0-9a-f]{16}\\.json$", Path.GetFileName(file)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Listings));
    }

    [Fact]
    public async Task Run_WatchWithMaxAge_LaterRoundsReuseTheFirstRoundsAnswer()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(
            ["--base-url", server.BaseUrl, "--watch", "1", "--max-age", "3600", "-f", "jsonl", "rust:1"],
            new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = _cache.FullName });
        await process.WaitUntilAsync(() => process.Stdout.Count(c => c == '\n') >= 3, Patience);
        process.Signal(ReddittopProcess.Sigint);

        Assert.Equal(130, await process.WaitForExitAsync(Patience));
        Assert.Single(server.Requests);
        var rows = Rows(process.Stdout);
        Assert.Equal([false, true, true], rows.Take(3).Select(r => r.GetProperty("cached").GetBoolean()));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FakeRedditServer server, params string[] args)
    {
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, .. args], new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = _cache.FullName });
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Makes every copy as old as if it had been fetched <paramref name="age"/> earlier than it was.</summary>
    private void AgeCopies(TimeSpan age)
    {
        foreach (var file in Directory.GetFiles(Listings, "*.json"))
        {
            var copy = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var fetchedAt = DateTimeOffset.Parse(copy["fetched_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            copy["fetched_at"] = (fetchedAt - age).ToString("O", CultureInfo.InvariantCulture);
            File.WriteAllText(file, copy.ToJsonString());
        }
    }

    private static List<JsonElement> Rows(string jsonl) =>
        jsonl.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static List<string> Posts(List<JsonElement> rows) =>
        rows.Select(r => $"{r.GetProperty("subreddit").GetString()?.ToLowerInvariant()} {r.GetProperty("rank")} {r.GetProperty("id")} {r.GetProperty("title")} {r.GetProperty("score")} {r.GetProperty("url")}").Order(StringComparer.Ordinal).ToList();

    private static List<string?> FetchedAt(List<JsonElement> rows) =>
        rows.OrderBy(r => r.GetProperty("subreddit").GetString()?.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(r => r.GetProperty("rank").GetInt32())
            .Select(r => r.GetProperty("fetched_at").GetString()).ToList();
}

using System.Text.RegularExpressions;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real program against FakeReddit behaving like Reddit on a bad day: errors that pass, rate limits, a budget,
/// oversize bodies, long and short listings. Waits asked of the client are a second or two; nothing is timed.
/// </summary>
public sealed partial class ResilienceEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ServerErrorsThatPass_RetriesAndPrintsEverything()
    {
        var scenario = new Scenario();
        scenario.Configure("flaky").Statuses = [503, 502, 200];
        scenario.Configure("flaky").RetryAfterSeconds = 1;
        scenario.Configure("limited").Statuses = [429, 200];
        scenario.Configure("limited").RetryAfterSeconds = 1;
        scenario.Configure("limited").RetryAfterAsDate = true;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "flaky:2", "limited:2", "rust:1");

        Assert.Equal("", stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, server.Requests.Count(r => r.Subreddit == "flaky"));
        Assert.Equal(2, server.Requests.Count(r => r.Subreddit == "limited"));
        foreach (var (name, count) in new[] { ("flaky", 2), ("limited", 2), ("rust", 1) })
        {
            Assert.Contains(await ExpectedOutput.BlockAsync(server, name, count), stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_ErrorsThatStay_ReportEachAfterItsRetriesAndNeverRetryA404()
    {
        var scenario = new Scenario();
        scenario.Configure("down").Statuses = [503];
        scenario.Configure("down").RetryAfterSeconds = 1;
        scenario.Configure("gone").Status = 404;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--retries", "2", "down", "gone", "rust:1");

        Assert.Equal(1, exitCode);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["reddittop: r/down: server error (HTTP 503 Service Unavailable), 3 attempts", "reddittop: r/gone: not found (HTTP 404)"],
            stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal));
        Assert.Equal(3, server.Requests.Count(r => r.Subreddit == "down"));
        Assert.Equal(1, server.Requests.Count(r => r.Subreddit == "gone"));
    }

    [Fact]
    [Trait("Category", "Slow")] // waits out real time-outs, backoffs or a deadline by design
    public async Task Run_BudgetOfTenRequestsPerThreeSeconds_PrintsTwentyFiveSubredditsWithAFewRateLimitsAtMost()
    {
        var names = Enumerable.Range(1, 25).Select(n => $"sub{n:00}").ToArray();
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 10, WindowSeconds = 3 } }, cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-v", .. names.Select(n => n + ":1")]);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
        Assert.All(names, n => Assert.Contains($"\n/r/{n}:\n", process.Stdout, StringComparison.Ordinal));
        // A client blind to the budget gets at least 15 (25 requests, 10 allowed in the first window). A client that
        // reads it may still meet a few: the server's window and the client's reading of X-Ratelimit-Reset (whole
        // seconds) meet only as closely as a loaded machine lets them.
        Assert.InRange(server.RateLimitedCount, 0, 5);

        // --verbose: one line per attempt on stderr, never on stdout.
        var lines = process.Stderr.TrimEnd('\n').Split('\n');
        Assert.Contains($"reddittop: anonymous requests to {server.BaseUrl}/", lines);
        var attempts = lines.Where(line => line.StartsWith("reddittop: r/", StringComparison.Ordinal)).ToArray(); // not the run's own lines
        Assert.Contains("reddittop: rate budget: unknown", lines);
        Assert.All(attempts, line => Assert.Matches(AttemptLine(), line));
        Assert.Equal(server.Requests.Count, attempts.Length);
        Assert.DoesNotContain("attempt", process.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OversizeBody_FailsThatSubredditAndPrintsTheOthers()
    {
        var scenario = new Scenario();
        scenario.Configure("huge").Fault = Fault.Oversize;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "huge", "rust:1");

        Assert.Equal(1, exitCode);
        Assert.Equal("reddittop: r/huge: response too large (over 16 MiB)\n", stderr);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CountsAboveOnePage_FollowTheListingToTheCountOrItsEnd()
    {
        var scenario = new Scenario();
        scenario.Configure("short").Posts = 130;
        scenario.Configure("quiet").Posts = 0;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "python:250", "short:500", "quiet");
        var requests = server.Requests;

        Assert.Equal("", stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, requests.Count(r => r.Subreddit == "python"));
        Assert.Equal(2, requests.Count(r => r.Subreddit == "short"));
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 250), stdout, StringComparison.Ordinal);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "short", 500), stdout, StringComparison.Ordinal);
        Assert.Contains("\n/r/quiet:\n\t(no posts)\n", stdout, StringComparison.Ordinal);
        Assert.Equal(250 + 130, stdout.Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_VerboseOnAPagedSubreddit_NamesThePageOfEachAttempt()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-v", "python:250", "rust:2");

        Assert.Equal(0, exitCode);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 250), stdout, StringComparison.Ordinal);
        var attempts = stderr.TrimEnd('\n').Split('\n').Where(line => line.StartsWith("reddittop: r/", StringComparison.Ordinal)).ToList(); // not the run's own lines
        Assert.Contains("reddittop: rate budget: unknown", stderr.Split('\n'));
        Assert.All(attempts, line => Assert.Matches(PagedAttemptLine(), line));
        Assert.Equal(4, attempts.Count);
        Assert.Equal(
            ["r/python: page 1", "r/python: page 2", "r/python: page 3", "r/rust"],
            attempts.Select(line => PagedAttemptLine().Match(line).Groups["label"].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_SortNew_AsksForTheNewListing()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, _) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--sort", "new", "python:3");

        Assert.Equal(0, exitCode);
        Assert.Equal("/r/python/new.json?limit=3&raw_json=1", Assert.Single(server.Requests).PathAndQuery);
        Assert.Contains("\n/r/python:\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")] // waits out real time-outs, backoffs or a deadline by design
    public async Task Run_DeadlinePasses_ReportsWhatIsMissingAndPrintsTheRest()
    {
        var scenario = new Scenario();
        scenario.Configure("stuck").Fault = Fault.Hang;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        // The deadline is the subject: five seconds, a margin a loaded machine cannot eat from rust's answer.
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--deadline", "5", "--timeout", "60", "stuck", "rust:1");

        Assert.Equal(1, exitCode);
        Assert.Equal("reddittop: r/stuck: timed out: deadline of 5 s reached\n", stderr);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InterruptedWhileWaitingToRetry_Exits130AtOnce()
    {
        var scenario = new Scenario();
        scenario.Configure("down").Statuses = [503];
        scenario.Configure("down").RetryAfterSeconds = 600;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--deadline", "3600", "-v", "down"]);
        await process.WaitUntilAsync(() => process.Stderr.Contains("r/down: attempt 1: HTTP 503", StringComparison.Ordinal), Patience);
        process.Signal(ReddittopProcess.Sigint);

        // Ten minutes of Retry-After are not waited out.
        Assert.Equal(130, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(server.Requests);
    }

    [GeneratedRegex(@"^reddittop: r/sub\d\d: attempt \d: HTTP (200|429) in \d+ ms, budget (\d+(\.\d)? left|unknown)$")]
    private static partial Regex AttemptLine();

    [GeneratedRegex(@"^reddittop: (?<label>r/\w+(: page \d)?): attempt 1: HTTP 200 in \d+ ms, budget (\d+(\.\d)? left|unknown)$")]
    private static partial Regex PagedAttemptLine();
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// Reddit's rate budget across runs, as <c>watch -n 5 reddittop …</c>, cron and shell loops use the program: each run
/// a new process sharing one state folder, against FakeReddit's enforced budget, which answers 429 past it.
/// </summary>
public sealed partial class BudgetEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("reddittop-budget-");

    private Dictionary<string, string?> SharedState => new() { ["XDG_STATE_HOME"] = Path.Combine(_home.FullName, "state") };

    public void Dispose() => _home.Delete(recursive: true);

    [Fact]
    [Trait("Category", "Slow")] // waits out the budget's real windows of three seconds
    public async Task Run_TenShortRunsInALoop_SpendTheBudgetAndWaitForItsResetsWithoutA429()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 6, WindowSeconds = 3 } }, cancellationToken: TestContext.Current.CancellationToken);

        var stderrs = new List<string>();
        for (var run = 0; run < 10; run++)
        {
            string[] names = [$"loop{run}a", $"loop{run}b", $"loop{run}c"];
            using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-v", .. names.Select(n => n + ":1")], SharedState);
            var exitCode = await process.WaitForExitAsync(Patience);

            Assert.True(exitCode == 0, $"run {run} exited {exitCode}:\n{process.Stderr}");
            Assert.All(names, n => Assert.Contains($"\n/r/{n}:\n", process.Stdout, StringComparison.Ordinal));
            stderrs.Add(process.Stderr);
        }

        Assert.Equal(0, server.RateLimitedCount);
        Assert.Equal(30, server.Requests.Count);
        Assert.Contains("reddittop: rate budget: unknown\n", stderrs[0], StringComparison.Ordinal);
        Assert.All(stderrs.Skip(1), s => Assert.Matches(BudgetFromARun(), s)); // every later run starts from the ones before


        // How many runs start spent depends on how fast the machine starts them; Run_StartingWithTheBudgetSpent_… below
        // is that case alone.
    }

    [Fact]
    [Trait("Category", "Slow")] // waits out the budget's real window of eight seconds
    public async Task Run_StartingWithTheBudgetSpent_SendsNothingUntilTheWindowHasReset()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 2, WindowSeconds = 8 } }, cancellationToken: TestContext.Current.CancellationToken);
        using (var spender = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], SharedState))
        {
            Assert.Equal(0, await spender.WaitForExitAsync(Patience));
        }

        var windowEnds = server.Requests.Min(r => r.ReceivedAt) + TimeSpan.FromSeconds(8);
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-v", "golang:1", "csharp:1"], SharedState);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
        var later = server.Requests.Where(r => r.Subreddit is "golang" or "csharp").ToList();
        Assert.Equal(2, later.Count);
        Assert.All(later, r => Assert.True(r.ReceivedAt >= windowEnds, $"r/{r.Subreddit} was asked {(windowEnds - r.ReceivedAt).TotalMilliseconds} ms before the window's reset"));
        Assert.Equal(0, server.RateLimitedCount);

        // The run started within the window and waited for it, as it does whenever a machine starts it in under eight
        // seconds; one that took longer found the window reset, and says so (the wait itself is RateBudgetTests').
        Assert.Matches(@"\nreddittop: rate budget: (0 left, resets in \d+ s \(from a run \d+ s ago\); requests wait for the reset|unknown \(the window of a run \d+ s ago has reset\))\n", process.Stderr);
    }

    [Fact]
    public async Task Run_BudgetSpentByTheRunBeforeAndTheResetAfterTheDeadline_FailsAtOnceWithoutSendingAnything()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 2, WindowSeconds = 600 } }, cancellationToken: TestContext.Current.CancellationToken);
        using (var spender = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], SharedState))
        {
            Assert.Equal(0, await spender.WaitForExitAsync(Patience));
        }

        string[] names = ["golang", "csharp", "haskell"];
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--deadline", "300", .. names.Select(n => n + ":1")], SharedState);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal(1, exitCode);
        Assert.Equal("", process.Stdout);
        Assert.Equal(2, server.Requests.Count);
        var lines = process.Stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), lines.Select(l => SpentLine().Match(l)).Select(m => m.Groups["name"].Value));
        Assert.All(lines, l => Assert.InRange(int.Parse(SpentLine().Match(l).Groups["seconds"].Value, CultureInfo.InvariantCulture), 590, 602));
        Assert.Equal(0, server.RateLimitedCount);
    }

    [Fact]
    public async Task Run_AnotherAccessThanTheRunBefore_DoesNotStartFromItsBudget()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 2, WindowSeconds = 600 } }, cancellationToken: TestContext.Current.CancellationToken);
        await using var other = await FakeRedditServer.StartAsync(new Scenario { AnyName = true }, cancellationToken: TestContext.Current.CancellationToken);
        using (var spender = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], SharedState))
        {
            Assert.Equal(0, await spender.WaitForExitAsync(Patience));
        }

        using var process = ReddittopProcess.Start(["--base-url", other.BaseUrl, "-v", "golang:1"], SharedState);

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Contains("reddittop: rate budget: unknown\n", process.Stderr, StringComparison.Ordinal);
        Assert.Single(other.Requests);
    }

    [Fact]
    public async Task Run_Watch_SavesTheBudgetAfterEveryRoundForTheNextRun()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { AnyName = true, Budget = new RateBudget { Requests = 100, WindowSeconds = 600 } }, cancellationToken: TestContext.Current.CancellationToken);
        using (var watching = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--watch", "1", "rust:1"], SharedState))
        {
            // Saved while the watch goes on: after its second round, the file says what that round's answer said.
            await watching.WaitUntilAsync(() => SavedRemaining() is <= 98, Patience);
            watching.Signal(ReddittopProcess.Sigint);
            Assert.Equal(130, await watching.WaitForExitAsync(Patience));
        }

        // A request Ctrl+C cut short reached the server without its answer being read: the file may say one more.
        var saved = SavedRemaining()!.Value;
        Assert.InRange(saved, 100 - server.Requests.Count, 98);
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-v", "python:1"], SharedState);
        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Contains($"\nreddittop: rate budget: {saved} left, resets in ", process.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The remaining count of the one budget file in the shared state folder, or null while there is none.</summary>
    private double? SavedRemaining()
    {
        var folder = Path.Combine(_home.FullName, "state", "reddittop");
        var file = Directory.Exists(folder) ? Directory.GetFiles(folder, "budget-*.json").SingleOrDefault() : null;
        if (file is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        return json.RootElement.GetProperty("remaining").GetDouble();
    }

    [GeneratedRegex(@"\nreddittop: rate budget: (\d+ left, resets in \d+ s \(from a run \d+ s ago\)|unknown \(the window of a run \d+ s ago has reset\))")]
    private static partial Regex BudgetFromARun();

    [GeneratedRegex(@"^reddittop: r/(?<name>\w+): rate limited \(Reddit's budget resets in (?<seconds>\d+) s\)$")]
    private static partial Regex SpentLine();
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The soak: a thousand subreddits against FakeReddit with faults drawn from a fixed seed (5xx bursts, rate limits,
/// hangs, malformed bodies), so the outcome of each is known before the run. Every subreddit must be printed in full
/// exactly once or named exactly once on stderr with its reason, never both, never neither; the exit code follows.
/// It runs three ways: the default text, <c>-f jsonl</c>, and <c>--order input</c> (blocks in the order given), each
/// with <c>-n 3 -j 50 --timeout 1 --retries 3 --deadline 90</c>. The deadline is far away and never decides a
/// subreddit; durations are recorded, never asserted. Each run appends its figures (printed, failed, exit code, wall
/// time, the program's peak RSS) to <c>soak-figures.txt</c> beside the test assembly, for CI to show. It runs alone,
/// after the other tests, so that neither slows the other down; its three runs go at the same time, each against a
/// FakeReddit of its own, as most of a run is spent waiting out time-outs and backoffs.
/// </summary>
[Collection(nameof(SoakEndToEndTests))]
[Trait("Category", "Slow")]
public sealed partial class SoakEndToEndTests(SoakEndToEndTests.SoakRuns soak, ITestOutputHelper output) : IClassFixture<SoakEndToEndTests.SoakRuns>
{
    private const int Seed = 20260301;
    private const int SubredditCount = 1000;
    private const int PostCount = 3;
    private const int Retries = 3;

    /// <summary>A hang guard only: a run takes seconds.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static readonly (int Status, string Phrase)[] ServerErrors =
        [(500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Service Unavailable"), (504, "Gateway Timeout")];

    [Theory]
    [InlineData("text")]
    [InlineData("jsonl")]
    [InlineData("input")]
    public async Task Run_ThousandSubredditsWithRandomFaults_PrintsOrReportsEachExactlyOnce(string mode)
    {
        var run = await soak.ResultAsync(mode);
        var (server, plan, process, requests) = (run.Server, run.Plan, run.Process, run.Requests);

        var printed = mode == "jsonl" ? JsonLinesBlocks(process.Stdout) : TextBlocks(process.Stdout);
        var failed = Failures(process.Stderr, out var otherLines);
        Record(mode, printed.Count, failed.Count, plan.Count(p => p.Reason is not null), run.ExitCode, run.Wall, process.PeakResidentBytes);
        output.WriteLine("plan: " + string.Join(", ", plan.GroupBy(p => p.Fault).Select(g => $"{g.Key} {g.Count()} ({g.Count(p => p.Reason is not null)} failing)")));
        foreach (var reason in failed.GroupBy(f => f.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{reason.Count(),5} {reason.Key}");
        }

        Assert.InRange(process.PeakResidentBytes ?? 0, 0, 500L * 1024 * 1024); // generous: a bound on leaks, not a benchmark

        // Each subreddit printed or named, once, never both; exactly the ones the seed says fail are named.
        var expectedFailures = plan.Where(p => p.Reason is not null).ToList();
        Assert.Empty(printed.GroupBy(b => b.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(failed.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(printed.Select(b => b.Name).Intersect(failed.Select(f => f.Name)));
        Assert.Equal(plan.Select(p => p.Name).Order(StringComparer.Ordinal), printed.Select(b => b.Name).Concat(failed.Select(f => f.Name)).Order(StringComparer.Ordinal));
        Assert.Equal(expectedFailures.Select(p => p.Name).Order(StringComparer.Ordinal), failed.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(expectedFailures.Count > 0 ? 1 : 0, run.ExitCode);

        // Each with the reason its fault calls for.
        var reasons = failed.ToDictionary(f => f.Name, f => f.Reason, StringComparer.Ordinal);
        Assert.All(expectedFailures, p => Assert.StartsWith(p.Reason!, reasons[p.Name], StringComparison.Ordinal));

        // No other line: an HTML page with status 200 is a web page, not a block, and brings no hint.
        Assert.Empty(otherLines);

        // No subreddit asked for more than its retries allow.
        Assert.All(requests.GroupBy(r => r.Subreddit), g => Assert.InRange(g.Count(), 1, 1 + Retries));

        // With --order input, blocks in the order given.
        if (mode == "input")
        {
            Assert.Equal(plan.Where(p => p.Reason is null).Select(p => p.Name), printed.Select(b => b.Name));
        }

        // Every block whole: the header and the posts the server lists, as a plain client reads them.
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            printed,
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (block, _) =>
            {
                var text = await ExpectedOutput.BlockAsync(server, block.Name, PostCount);
                lock (expected)
                {
                    expected[block.Name] = text;
                }
            });
        Assert.All(printed, b => Assert.Equal(expected[b.Name], b.Text));
    }

    /// <summary>
    /// Draws each subreddit's behaviour from the seed and sets it on <paramref name="scenario"/>: 10 % a burst of
    /// one to four 5xx answers (four is one more than the retries), 5 % one 429 with <c>Retry-After: 1</c>, 2 % a hang
    /// (one in four for ever, the others on the first attempt only), 1 % a malformed body (bad JSON, an HTML page, or
    /// half a body and a dropped connection, on every attempt); the rest answer within 20 ms. The same seed gives every
    /// run the same faults.
    /// </summary>
    private static List<Planned> Plan(Scenario scenario)
    {
        var random = new Random(Seed);
        var plan = new List<Planned>(SubredditCount);
        foreach (var name in SoakRuns.Names)
        {
            var behavior = scenario.Subreddits[name] = new SubredditBehavior();
            var roll = random.NextDouble();
            if (roll < 0.10)
            {
                var burst = Enumerable.Range(0, random.Next(1, Retries + 2)).Select(_ => ServerErrors[random.Next(ServerErrors.Length)]).ToList();
                behavior.Statuses = [.. burst.Select(e => e.Status), 200];
                var (status, phrase) = burst[^1];
                plan.Add(burst.Count <= Retries
                    ? new Planned(name, "5xx", null)
                    : new Planned(name, "5xx", string.Create(CultureInfo.InvariantCulture, $"server error (HTTP {status} {phrase}), {Retries + 1} attempts")));
            }
            else if (roll < 0.15)
            {
                behavior.Statuses = [429, 200];
                behavior.RetryAfterSeconds = 1;
                plan.Add(new Planned(name, "429", null));
            }
            else if (roll < 0.17)
            {
                behavior.Fault = Fault.Hang;
                var forever = random.Next(4) == 0;
                behavior.FailFirst = forever ? 0 : 1;
                plan.Add(new Planned(name, "hang", forever ? string.Create(CultureInfo.InvariantCulture, $"timed out after 1 s, {Retries + 1} attempts") : null));
            }
            else if (roll < 0.18)
            {
                (behavior.Fault, var fault, var reason) = random.Next(3) switch
                {
                    0 => (Fault.BadJson, "bad-json", "invalid JSON at "),
                    1 => (Fault.Html, "html", "Reddit answered with a web page, not JSON (HTTP 200)"),
                    _ => (Fault.Truncate, "truncate", "connection lost while reading the response"),
                };
                plan.Add(new Planned(name, fault, reason));
            }
            else
            {
                behavior.LatencyMaxMs = 20;
                plan.Add(new Planned(name, "none", null));
            }
        }

        return plan;
    }

    /// <summary>The text format's blocks after its header, in the order printed; fails unless they are all there is.</summary>
    private static List<Block> TextBlocks(string stdout)
    {
        var header = HeaderPattern().Match(stdout);
        Assert.True(header.Success, $"no header:\n{stdout[..Math.Min(200, stdout.Length)]}");
        var blocks = BlockPattern().Matches(stdout, header.Length).Select(m => new Block(m.Groups["name"].Value, m.Value)).ToList();
        Assert.Equal(stdout[header.Length..], string.Concat(blocks.Select(b => b.Text)));
        return blocks;
    }

    /// <summary>
    /// The JSON Lines rows, one block per run of rows of one subreddit, as the text format would print it; ranks must
    /// count from one within each run.
    /// </summary>
    private static List<Block> JsonLinesBlocks(string stdout)
    {
        var blocks = new List<(string Name, StringBuilder Text, int Rank)>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var row = JsonDocument.Parse(line);
            var post = row.RootElement;
            var name = post.GetProperty("subreddit").GetString()!;
            if (blocks.Count == 0 || blocks[^1].Name != name)
            {
                blocks.Add((name, new StringBuilder($"\n/r/{name}:\n"), 0));
            }

            var rank = blocks[^1].Rank + 1;
            Assert.Equal(rank, post.GetProperty("rank").GetInt32());
            blocks[^1] = blocks[^1] with { Rank = rank };
            blocks[^1].Text.Append('\t').Append(post.GetProperty("score").GetInt32()).Append(": ").Append(post.GetProperty("title").GetString())
                .Append("\n\t\t(").Append(post.GetProperty("url").GetString()).Append(")\n");
        }

        return [.. blocks.Select(b => new Block(b.Name, b.Text.ToString()))];
    }

    /// <summary>The subreddits named on stderr with their reasons; <paramref name="otherLines"/> gets every other line.</summary>
    private static List<(string Name, string Reason)> Failures(string stderr, out List<string> otherLines)
    {
        var failures = new List<(string, string)>();
        otherLines = [];
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (FailureLine().Match(line) is { Success: true } failure)
            {
                failures.Add((failure.Groups["name"].Value, failure.Groups["reason"].Value));
            }
            else
            {
                otherLines.Add(line);
            }
        }

        return failures;
    }

    /// <summary>
    /// Writes the run's figures to the test's output and appends them to <c>soak-figures.txt</c> for CI to show. The
    /// failures the seed's faults call for, and exit code 1 for them, are the expected outcome, and the line says so.
    /// </summary>
    private void Record(string mode, int printed, int failed, int expectedFailures, int exitCode, TimeSpan wall, long? peakBytes)
    {
        var peak = peakBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB") : "unknown";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"soak mode={mode} subreddits={SubredditCount} printed={printed} failed={failed} (expected {expectedFailures}) exit={exitCode} (expected {(expectedFailures > 0 ? 1 : 0)}) wall={wall.TotalSeconds:0.0} s peak_rss={peak} program={string.Join(' ', ReddittopProcess.Program.Select(p => Path.GetFileName(p)))}");
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "soak-figures.txt"), line + "\n");
    }

    /// <summary>The soak's collection, which xunit runs on its own once the tests that run in parallel are done.</summary>
    [CollectionDefinition(nameof(SoakEndToEndTests), DisableParallelization = true)]
    public sealed class RunsAlone;

    /// <summary>
    /// The three runs, started together when the tests of this class begin, each against a FakeReddit of its own with
    /// the seed's faults; a test waits for its mode's run and checks it. FakeReddit makes each page it is asked for
    /// afresh, keeping nothing per subreddit, so a server needs no warming up.
    /// </summary>
    public sealed class SoakRuns : IAsyncLifetime
    {
        private static readonly string[] Modes = ["text", "jsonl", "input"];

        private readonly Dictionary<string, Task<Run>> _runs = [];
        private readonly List<FakeRedditServer> _servers = [];
        private readonly List<ReddittopProcess> _processes = [];

        public static IReadOnlyList<string> Names { get; } =
            [.. Enumerable.Range(1, SubredditCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"soak{i:0000}"))];

        /// <summary>The run of <paramref name="mode"/>, once the program has exited.</summary>
        internal Task<Run> ResultAsync(string mode) => _runs[mode];

        public ValueTask InitializeAsync()
        {
            foreach (var mode in Modes)
            {
                _runs[mode] = RunAsync(mode);
            }

            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(_runs.Values.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var process in _processes)
            {
                process.Dispose();
            }

            foreach (var server in _servers)
            {
                await server.DisposeAsync();
            }
        }

        private async Task<Run> RunAsync(string mode)
        {
            var scenario = new Scenario { AnyName = true };
            var plan = Plan(scenario);
            var server = await FakeRedditServer.StartAsync(scenario);
            lock (_servers)
            {
                _servers.Add(server);
            }

            string[] format = mode switch { "jsonl" => ["-f", "jsonl"], "input" => ["--order", "input"], _ => [] };
            var clock = Stopwatch.StartNew();
            var process = ReddittopProcess.Start(
            [
                "--base-url", server.BaseUrl, "-n", $"{PostCount}", "-j", "50", "--timeout", "1", "--retries", $"{Retries}", "--deadline", "90",
                .. format, .. plan.Select(p => p.Name),
            ]);
            lock (_processes)
            {
                _processes.Add(process);
            }

            var exitCode = await process.WaitForExitRecordingPeakMemoryAsync(Patience);
            return new Run(server, plan, process, exitCode, clock.Elapsed, server.Requests);
        }
    }

    /// <summary>One run of the soak: its server and plan, the program (exited), its exit code and wall time, and every request the server got.</summary>
    internal sealed record Run(FakeRedditServer Server, List<Planned> Plan, ReddittopProcess Process, int ExitCode, TimeSpan Wall, IReadOnlyList<RecordedRequest> Requests);

    [GeneratedRegex(@"\A\w+, \w+ \d\d, \d\d:\d\d [AP]M\n-{27}\n")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"\G\n/r/(?<name>\w+):\n(\t[^\n]*\n)*")]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^reddittop: r/(?<name>\w+): (?<reason>.+)$")]
    private static partial Regex FailureLine();

    /// <summary>One subreddit of the soak: its name, its fault, and the start of the reason it must fail with (null: it must print).</summary>
    internal sealed record Planned(string Name, string Fault, string? Reason);

    /// <summary>One subreddit's block as printed (for JSON Lines, as the text format would have printed it).</summary>
    private sealed record Block(string Name, string Text);
}

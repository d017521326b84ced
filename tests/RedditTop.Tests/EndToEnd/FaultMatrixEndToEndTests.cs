using System.Globalization;
using System.Text.RegularExpressions;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The fault matrix: one row per way the server can behave, each run by the real program with the faulty subreddit
/// beside two healthy ones, which must still be printed in full. A row says what the user sees: the faulty
/// subreddit's block or none, the exact stderr, the exit code, and how many requests it took. Waits asked of the
/// client are a second or three; nothing is timed. Expected blocks come from a second, well-behaved server, so
/// reading them spends none of the faulty server's budget, tokens or numbered answers. The rows are split over four
/// test classes (time-outs, retries and budgets, the other answers, the token endpoint's answers), which run in
/// parallel with each other, as most of a row's time is spent waiting.
/// </summary>
public static partial class FaultMatrixEndToEndTests
{
    private const string Faulty = "faulty";
    private const string ClientId = "matrix-app-17";
    private const string Secret = "matrix-SECRET-5b2e";

    private const string BlockedHint =
        "reddittop: hint: Reddit blocks anonymous requests from some networks. Create an app at https://www.reddit.com/prefs/apps, "
        + "then set REDDIT_CLIENT_ID (and REDDIT_CLIENT_SECRET for a script app), or client_id (and client_secret) in praw.ini, to use app-only OAuth.\n";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly (string Name, int Count)[] Healthy = [("python", 3), ("rust", 2)];

    private static readonly Row[] TimeOutRows =
    [
        // Latency.
        new("latency spikes of 20-400 ms", OfFaulty(b => { b.LatencyMs = 20; b.LatencyMaxMs = 400; }), [],
            Shows.Block, "", 0),
        new("one answer hangs past --timeout, the retry answers", OfFaulty(b => { b.Fault = Fault.Hang; b.FailFirst = 1; }), ["--timeout", "2", "--retries", "1"],
            Shows.Block, "", 0, Requests: 2),
        new("every answer hangs past --timeout", OfFaulty(b => b.Fault = Fault.Hang), ["--timeout", "2", "--retries", "1"],
            Shows.NoBlock, "reddittop: r/faulty: timed out after 2 s, 2 attempts\n", 1, Requests: 2),
        new("an answer hangs past --deadline", OfFaulty(b => b.Fault = Fault.Hang), ["--deadline", "6", "--timeout", "60"],
            Shows.NoBlock, "reddittop: r/faulty: timed out: deadline of 6 s reached\n", 1),

        // The token's body drips (a byte every 250 ms, half a minute in all): it is read with --timeout, like a listing,
        // and a body is not tried again.
        new("the token endpoint's answer drips past --timeout", WithApp(s => s.OAuth!.Fault = TokenFault.Drip), ["--timeout", "2"],
            Shows.Nothing, "reddittop: authentication failed: timed out after 2 s\n", 1, Requests: 0, TokenRequests: 1),
    ];

    private static readonly Row[] RetryRows =
    [
        // Recoverable errors.
        new("429 with Retry-After: 1, then an answer", OfFaulty(b => { b.Statuses = [429, 200]; b.RetryAfterSeconds = 1; }), [],
            Shows.Block, "", 0, Requests: 2),
        new("503 twice, then an answer", OfFaulty(b => { b.Statuses = [503, 503, 200]; b.RetryAfterSeconds = 1; }), [],
            Shows.Block, "", 0, Requests: 3),
        new("the connection reset once, then an answer", OfFaulty(b => { b.Fault = Fault.Reset; b.FailFirst = 1; }), [],
            Shows.Block, "", 0, Requests: 2),

        // The budget: 4 requests a window. The healthy subreddits and the faulty one's first page spend 3 (in any order:
        // the faulty answer is held until the others have arrived), its second page the 4th, whose answer says none is
        // left; the third page waits for the window's reset, 2 s away (printed) or 60 s, past the deadline (not printed).
        new("rate budget spent, reset within the deadline", WithBudget(requests: 4, windowSeconds: 2), [],
            Shows.Block, "", 0, Count: 250, Requests: 3, AfterTheOthers: true),

        // Errors that stay.
        new("500 on every request", OfFaulty(b => b.Status = 500), ["--retries", "1"],
            Shows.NoBlock, "reddittop: r/faulty: server error (HTTP 500 Internal Server Error), 2 attempts\n", 1, Requests: 2),
        new("the connection reset on every request", OfFaulty(b => b.Fault = Fault.Reset), ["--retries", "1"],
            Shows.NoBlock, "reddittop: r/faulty: request failed (Connection reset by peer), 2 attempts\n", 1, Requests: 2),
        // The third page would wait for a reset ten minutes away, past the deadline: it is not sent and fails at once,
        // with the wait the budget's last answer named ({reset}), so the run ends long before its deadline of 300 s.
        new("rate budget spent past the deadline", WithBudget(requests: 4, windowSeconds: 600), ["--deadline", "300"],
            Shows.NoBlock, "reddittop: r/faulty: rate limited (Reddit's budget resets in {reset} s)\n", 1, Count: 250, Requests: 2, AfterTheOthers: true),
    ];

    private static readonly Row[] AnswerRows =
    [
        // Broken bodies. None is tried again: the retries end with the headers, and the body is read after them. The cut
        // JSON is the first half of the listing of the 4 posts FakeReddit generates for r/faulty: 1,095 bytes, ending
        // between two tokens.
        new("the connection dropped mid-body", OfFaulty(b => b.Fault = Fault.Truncate), [],
            Shows.NoBlock, "reddittop: r/faulty: connection lost while reading the response (The response ended prematurely, with at least 1096 additional bytes expected. (ResponseEnded))\n", 1),
        new("JSON cut mid-body, Content-Length matching", OfFaulty(b => b.Fault = Fault.CutJson), [],
            Shows.NoBlock, "reddittop: r/faulty: invalid JSON at byte 1095 (expected depth to be zero at the end of the JSON payload)\n", 1),
        new("an HTML page with status 200, anonymous", OfFaulty(b => b.Fault = Fault.Html), [],
            Shows.NoBlock, "reddittop: r/faulty: Reddit answered with a web page, not JSON (HTTP 200)\n", 1),
        new("an HTML page with status 200, with an app's token", WithApp(OfFaulty(b => b.Fault = Fault.Html)), [],
            Shows.NoBlock, "reddittop: r/faulty: Reddit answered with a web page, not JSON (HTTP 200)\n", 1, TokenRequests: 1),
        new("a listing labelled text/plain", OfFaulty(b => b.Fault = Fault.WrongContentType), [],
            Shows.Block, "", 0),
        new("gzip that does not decompress", OfFaulty(b => b.Fault = Fault.BadGzip), [],
            Shows.NoBlock, "reddittop: r/faulty: unexpected response: cannot decompress the body (not valid gzip, deflate or brotli data)\n", 1),
        new("a body over the 16 MiB cap", OfFaulty(b => b.Fault = Fault.Oversize), [],
            Shows.NoBlock, "reddittop: r/faulty: response too large (over 16 MiB)\n", 1),

        // Reddit's own answers.
        new("a redirect to /subreddits/search", _ => { }, [],
            Shows.NoBlock, "reddittop: r/faulty: not found (HTTP 302 to subreddit search)\n", 1),
        new("403 private", OfFaulty(b => { b.Status = 403; b.Reason = "private"; }), [],
            Shows.NoBlock, "reddittop: r/faulty: private subreddit (HTTP 403)\n", 1),
        new("404 banned", OfFaulty(b => { b.Status = 404; b.Reason = "banned"; }), [],
            Shows.NoBlock, "reddittop: r/faulty: banned (HTTP 404)\n", 1),
        new("an empty listing", OfFaulty(b => b.Posts = 0), [],
            Shows.Block, "", 0),

        // Odd listings.
        new("unknown fields at every level", OfFaulty(b => b.Fault = Fault.ExtraFields), [],
            Shows.Block, "", 0),
        new("optional post fields null", OfFaulty(b => b.Fault = Fault.NullFields), [],
            Shows.Block, "", 0),
        new("optional post fields missing", OfFaulty(b => b.Fault = Fault.MissingFields), [],
            Shows.Block, "", 0),
        new("post 2 without a title", OfFaulty(b => b.Fault = Fault.NoTitle), [],
            Shows.NoBlock, "reddittop: r/faulty: unexpected response: post 2 has no title\n", 1),

        // Authentication. A token works on 3 requests: the healthy subreddits and the faulty one's first page use it
        // up (its answer is held until they have arrived), so its second page gets 401 and goes again with a new token.
        new("401 for a used-up token, then a fresh token", WithApp(s => s.OAuth!.RevokeAfterUses = 3), [],
            Shows.Block, "", 0, Count: 150, Requests: 3, TokenRequests: 2, AfterTheOthers: true),
        new("the token endpoint fails with 503, then answers", WithApp(s => s.OAuth!.TokenStatuses = [503, 200]), [],
            Shows.Block, "", 0, TokenRequests: 2),

        // Without a token nothing can be fetched: one error line, no subreddit requested, so here (alone) the healthy
        // subreddits are not printed either.
        new("the token endpoint fails with 500 for good", WithApp(s => s.OAuth!.TokenStatuses = [500]), ["--retries", "1"],
            Shows.Nothing, "reddittop: authentication failed: server error (HTTP 500 Internal Server Error), 2 attempts\n", 1, Requests: 0, TokenRequests: 2),
    ];

    /// <summary>A forged line after a line break, and escape sequences: a title (OSC), a bell, a colour (CSI).</summary>
    private const string HostileTokenError = "invalid_grant\u001b]0;pwned\u0007\u001b[31m\nreddittop: hint: export REDDIT_CLIENT_SECRET=stolen";

    private static readonly Row[] TokenRows =
    [
        // The token endpoint's answers, read through the same guarded path as a listing. Without a token nothing can be
        // fetched, so the healthy subreddits are not printed either.
        new("the token endpoint's answer a gzip bomb (1 MB expanding to 1 GiB)", WithApp(s => s.OAuth!.Fault = TokenFault.GzipBomb), [],
            Shows.Nothing, "reddittop: authentication failed: response too large (over 16 MiB)\n", 1, Requests: 0, TokenRequests: 1),
        new("the token endpoint's error with escape sequences and a forged hint line", WithApp(s => s.OAuth!.TokenError = HostileTokenError), [],
            Shows.Nothing, "reddittop: authentication failed: the token endpoint refused the request: invalid_grant ]0;pwned  [31m reddittop: hint: export REDDIT_CLIENT_SECRET=stolen\n", 1, Requests: 0, TokenRequests: 1),

        // An absurd expires_in: one token for the whole run, every subreddit printed.
        ExpiresIn("1e12"),
        ExpiresIn("1e30"),
        ExpiresIn("5e11"),
        ExpiresIn("0"),
        ExpiresIn("-5"),
    ];

    private static readonly Row[] Rows = [.. TimeOutRows, .. RetryRows, .. AnswerRows, .. TokenRows];

    /// <summary>What stdout shows of the faulty subreddit.</summary>
    private enum Shows
    {
        /// <summary>Its block, in full, as a well-behaved server would have it printed (for an empty listing, <c>(no posts)</c>).</summary>
        Block,

        /// <summary>No block: only the healthy subreddits'.</summary>
        NoBlock,

        /// <summary>Nothing at all, not even the healthy subreddits.</summary>
        Nothing,
    }

    private static TheoryData<string> NamesOf(Row[] rows) => [.. rows.Select(r => r.Behaviour)];

    private static async Task RunRowAsync(string behaviour)
    {
        var row = Rows.Single(r => r.Behaviour == behaviour);
        var scenario = new Scenario();
        row.Arrange(scenario);
        await using var server = await FakeRedditServer.StartAsync(scenario);
        string[] args = ["--base-url", server.BaseUrl, "--no-header", .. row.Args, $"{Faulty}:{row.Count}", .. Healthy.Select(h => $"{h.Name}:{h.Count}")];
        var environment = scenario.OAuth is { } app
            ? new Dictionary<string, string?> { ["REDDIT_CLIENT_ID"] = app.ClientId, ["REDDIT_CLIENT_SECRET"] = app.ClientSecret }
            : null;

        if (row.AfterTheOthers)
        {
            server.Hold(Faulty);
        }

        using var process = ReddittopProcess.Start(args, environment);
        if (row.AfterTheOthers)
        {
            // Printed, not only received: the program has read the healthy answers (and the budget they report), so the
            // faulty subreddit's requests are the only ones it still has in flight.
            await process.WaitForStdoutAsync(stdout => Healthy.All(h => stdout.Contains($"\n/r/{h.Name}:\n", StringComparison.Ordinal)), Patience);
            server.Release(Faulty);
        }

        var exitCode = await process.WaitForExitAsync(Patience);

        // {reset}: the X-Ratelimit-Reset of the faulty subreddit's last answer, which reddittop names as it was sent.
        var reset = server.Requests.LastOrDefault(r => r.Subreddit == Faulty)?.RateLimitReset;
        Assert.Equal(row.Stderr.Replace("{reset}", reset?.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), process.Stderr);
        Assert.Equal(row.ExitCode, exitCode);
        Assert.Equal(await ExpectedBlocksAsync(row, scenario), Blocks(process.Stdout));
        Assert.Equal(row.Requests, server.Requests.Count(r => r.Subreddit == Faulty));
        Assert.Equal(row.TokenRequests, server.TokenRequests.Count);
    }

    /// <summary>The rows that wait out a time-out or a deadline.</summary>
    [Trait("Category", "Slow")]
    public sealed class TimeOuts
    {
        public static TheoryData<string> Behaviours => NamesOf(TimeOutRows);

        [Theory]
        [MemberData(nameof(Behaviours))]
        public Task Run_FaultyBesideTwoHealthySubreddits_HealthyPrintedInFullAndTheFaultAsTheRowSays(string behaviour) => RunRowAsync(behaviour);
    }

    /// <summary>The rows of errors that are tried again (after backoffs of a second or more), and of Reddit's rate budget.</summary>
    [Trait("Category", "Slow")]
    public sealed class Retries
    {
        public static TheoryData<string> Behaviours => NamesOf(RetryRows);

        [Theory]
        [MemberData(nameof(Behaviours))]
        public Task Run_FaultyBesideTwoHealthySubreddits_HealthyPrintedInFullAndTheFaultAsTheRowSays(string behaviour) => RunRowAsync(behaviour);
    }

    /// <summary>The rows of answers taken as they come: broken bodies, Reddit's own answers, odd listings, tokens.</summary>
    public sealed class Answers
    {
        public static TheoryData<string> Behaviours => NamesOf(AnswerRows);

        [Theory]
        [MemberData(nameof(Behaviours))]
        public Task Run_FaultyBesideTwoHealthySubreddits_HealthyPrintedInFullAndTheFaultAsTheRowSays(string behaviour) => RunRowAsync(behaviour);
    }

    /// <summary>The rows of the token endpoint's answers taken as they come: a bomb, hostile error text, absurd lifetimes.</summary>
    public sealed class Tokens
    {
        public static TheoryData<string> Behaviours => NamesOf(TokenRows);

        [Theory]
        [MemberData(nameof(Behaviours))]
        public Task Run_FaultyBesideTwoHealthySubreddits_HealthyPrintedInFullAndTheFaultAsTheRowSays(string behaviour) => RunRowAsync(behaviour);
    }

    /// <summary>Reddit's budget spent by the first answer, with a reset past the deadline: the other subreddits are not requested.</summary>
    public sealed class SpentBudget
    {
        [Fact]
        public async Task Run_BudgetSpentUntilPastTheDeadline_LaterSubredditsFailAtOnceNamingTheWait()
        {
            // One request in a window of 600 s: the first answer says none is left and the window resets in 600 s.
            // One at a time (-j 1), so every other subreddit asks the budget after that answer. The deadline of 300 s
            // is five times the test's patience: the run ends only because nobody waits for it.
            string[] names = ["python", "rust", "golang", "csharp"];
            await using var server = await FakeRedditServer.StartAsync(new Scenario { Budget = new RateBudget { Requests = 1, WindowSeconds = 600 } }, cancellationToken: TestContext.Current.CancellationToken);
            using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--no-header", "-j", "1", "--deadline", "300", .. names.Select(n => n + ":2")]);

            var exitCode = await process.WaitForExitAsync(Patience);

            var first = Assert.Single(server.Requests);
            Assert.Equal((600, 0), (first.RateLimitReset, server.RateLimitedCount));
            Assert.Equal(
                names.Where(n => n != first.Subreddit).Select(n => $"reddittop: r/{n}: rate limited (Reddit's budget resets in 600 s)").Order(StringComparer.Ordinal),
                process.Stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal));
            Assert.Equal(1, exitCode);
            await using var reference = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(await ExpectedOutput.BlockAsync(reference, first.Subreddit!, 2), process.Stdout);
        }
    }

    /// <summary>The blocks the row expects, in name order: read from a well-behaved server with the faulty subreddit's length of listing.</summary>
    private static async Task<List<string>> ExpectedBlocksAsync(Row row, Scenario scenario)
    {
        if (row.Shows == Shows.Nothing)
        {
            return [];
        }

        var reference = new Scenario();
        reference.Configure(Faulty).Posts = scenario.For(Faulty).Posts;
        await using var server = await FakeRedditServer.StartAsync(reference);
        var blocks = new List<string>();
        foreach (var (name, count) in row.Shows == Shows.Block ? [(Faulty, row.Count), .. Healthy] : Healthy)
        {
            blocks.Add(await ExpectedOutput.BlockAsync(server, name, count));
        }

        return [.. blocks.Order(StringComparer.Ordinal)];
    }

    /// <summary>The blocks of a run with <c>--no-header</c>, each from its empty line to the next, in name order.</summary>
    private static List<string> Blocks(string stdout) =>
        [.. BlockStart().Split(stdout).Where(b => b.Length > 0).Order(StringComparer.Ordinal)];

    /// <summary>A row's arrangement that changes only the faulty subreddit (and so makes it exist).</summary>
    private static Action<Scenario> OfFaulty(Action<SubredditBehavior> set) => scenario => set(scenario.Configure(Faulty));

    /// <summary>A row's arrangement with Reddit's rate budget: <paramref name="requests"/> listing requests in each window.</summary>
    private static Action<Scenario> WithBudget(int requests, int windowSeconds) => scenario =>
    {
        scenario.Configure(Faulty);
        scenario.Budget = new RateBudget { Requests = requests, WindowSeconds = windowSeconds };
    };

    /// <summary>A row's arrangement with a script app that listings require a token of, then <paramref name="more"/>.</summary>
    private static Action<Scenario> WithApp(Action<Scenario> more) => scenario =>
    {
        scenario.Configure(Faulty);
        scenario.OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true };
        more(scenario);
    };

    /// <summary>A row whose token endpoint says <c>"expires_in": <paramref name="number"/></c> (the token lasts an hour on the server).</summary>
    private static Row ExpiresIn(string number) =>
        new($"expires_in {number}", WithApp(s => s.OAuth!.ExpiresInSent = number), [], Shows.Block, "", 0, TokenRequests: 1);

    [GeneratedRegex(@"(?=\n/r/)")]
    private static partial Regex BlockStart();

    /// <summary>
    /// One behaviour of the server (<paramref name="Arrange"/>d on a new scenario), the program's extra
    /// <paramref name="Args"/>, and what the user must see. <paramref name="Requests"/> counts the faulty subreddit's
    /// listing requests, <paramref name="TokenRequests"/> the token endpoint's. With <paramref name="AfterTheOthers"/>
    /// the faulty subreddit's first answer is held until both healthy subreddits are printed.
    /// </summary>
    private sealed record Row(
        string Behaviour,
        Action<Scenario> Arrange,
        string[] Args,
        Shows Shows,
        string Stderr,
        int ExitCode,
        int Count = 4,
        int Requests = 1,
        int TokenRequests = 0,
        bool AfterTheOthers = false)
    {
        public override string ToString() => Behaviour;
    }
}

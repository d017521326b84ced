using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real program against a real HTTP server (FakeReddit on 127.0.0.1), read through its stdout, stderr and
/// exit code. Latencies are short; ordering is checked with holds on the server, not with timing.
/// </summary>
public sealed partial class EndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_SeedExample_PrintsEachBlockWithItsCountInTheTutorialLayout()
    {
        var scenario = new Scenario();
        foreach (var name in new[] { "python", "programming", "asyncio", "dailyprogrammer" })
        {
            scenario.Configure(name).LatencyMs = 10;
            scenario.Configure(name).LatencyMaxMs = 80;
        }

        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "python:3", "programming:4", "asyncio:2", "dailyprogrammer:1");
        var requests = server.Requests;

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Matches(HeaderPattern(), stdout);
        foreach (var (name, count) in new[] { ("python", 3), ("programming", 4), ("asyncio", 2), ("dailyprogrammer", 1) })
        {
            Assert.Contains(await ExpectedOutput.BlockAsync(server, name, count), stdout, StringComparison.Ordinal);
        }

        // Header (2 lines), then per block: empty line, name, two lines per post.
        Assert.Equal(2 + (4 * 2) + (2 * (3 + 4 + 2 + 1)), stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("&", stdout, StringComparison.Ordinal);
        Assert.Contains("<", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r => Assert.Matches(@"^(linux|macos|windows|freebsd|unknown):reddittop:\d+\.\d+\.\d+ \(.+\)$", r.UserAgent));
        Assert.All(requests, r => Assert.Matches(@"^/r/\w+/top\.json\?t=day&limit=\d&raw_json=1$", r.PathAndQuery));
    }

    [Fact]
    public async Task Run_NamesCopiedFromReddit_FetchedAndPrintedWithoutThePrefix()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--order", "input", "--no-header", "r/python:2", "/r/rust/:1");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "python", 2) + await ExpectedOutput.BlockAsync(server, "rust", 1), stdout);
    }

    [Fact]
    public async Task Run_HundredPosts_KeepsEmojiAndAccentsAsUtf8()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        // A Latin-1 locale must not change what is written: the output is always UTF-8.
        using var process = ReddittopProcess.Start(
            ["--base-url", server.BaseUrl, "-t", "week", "python:100"],
            new Dictionary<string, string?> { ["LANG"] = "en_US.ISO-8859-1", ["LC_ALL"] = "en_US.ISO-8859-1" });
        var exitCode = await process.WaitForExitAsync(Patience);
        var stdout = process.Stdout;

        Assert.Equal(0, exitCode);
        var expected = await ExpectedOutput.BlockAsync(server, "python", 100, "week");
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.True(expected.Any(c => c > 127), "the generated listing should contain non-ASCII titles");
    }

    [Fact]
    public async Task Run_SixSubreddits_FetchesThemConcurrently()
    {
        var names = new[] { "python", "programming", "asyncio", "dailyprogrammer", "csharp", "rust" };
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        foreach (var name in names)
        {
            server.Hold(name);
        }

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, .. names.Select(n => n + ":1")]);

        // One after another, the second request would wait for the first answer. All six arrive while every answer is held.
        await process.WaitUntilAsync(() => server.Requests.Count == names.Length, Patience);
        Assert.All(server.Requests, r => Assert.Null(r.RespondedAt));
        Assert.Equal(names.Order(StringComparer.Ordinal), server.Requests.Select(r => r.Subreddit!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/r/", process.Stdout, StringComparison.Ordinal);

        foreach (var name in names)
        {
            server.Release(name);
        }

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.All(names, n => Assert.Contains($"\n/r/{n}:\n", process.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_FastAndSlowSubreddit_PrintsTheFastBlockBeforeTheSlowResponseIsSent()
    {
        await using var server = await StartWithPythonHeldAsync();

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:2", "rust:2"]);
        var rustBlock = await ExpectedOutput.BlockAsync(server, "rust", 2);
        await process.WaitForStdoutAsync(s => s.Contains(rustBlock, StringComparison.Ordinal), Patience);

        Assert.False(process.HasExited);
        Assert.Null(server.Requests.Single(r => r.Subreddit == "python").RespondedAt);
        Assert.DoesNotContain("/r/python:", process.Stdout, StringComparison.Ordinal);

        server.Release("python");
        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        var stdout = process.Stdout;
        Assert.True(stdout.IndexOf("/r/rust:", StringComparison.Ordinal) < stdout.IndexOf("/r/python:", StringComparison.Ordinal));
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 2), stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")] // waits out real time-outs, backoffs or a deadline by design
    public async Task Run_SeveralSubredditsFailInDifferentWays_PrintsTheRestAndReportsEachOnStderr()
    {
        var scenario = new Scenario();
        scenario.Configure("private_sub").Status = 403;
        scenario.Configure("private_sub").Reason = "private";
        scenario.Configure("broken").Fault = Fault.BadJson;
        scenario.Configure("dropped").Fault = Fault.Reset;
        scenario.Configure("cut").Fault = Fault.Truncate;
        scenario.Configure("stuck").Fault = Fault.Hang;
        scenario.Configure("overloaded").Status = 503;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        // The time-out is the subject for "stuck": five seconds, a margin a loaded machine cannot eat from the others' answers.
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync(
            "--base-url", server.BaseUrl, "--retries", "0", "--timeout", "5", "python:2", "nosuchsub", "private_sub", "broken", "dropped", "cut", "stuck", "overloaded", "rust:1");

        Assert.Equal(1, exitCode);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 2), stdout, StringComparison.Ordinal);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(stdout, @"^/r/", RegexOptions.Multiline));
        var errors = stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal).ToList();
        var cut = Assert.Single(errors, e => e.StartsWith("reddittop: r/cut: ", StringComparison.Ordinal));
        Assert.StartsWith("reddittop: r/cut: connection lost while reading the response (", cut, StringComparison.Ordinal);
        errors.Remove(cut);
        Assert.Equal(
            [
                "reddittop: r/broken: invalid JSON at byte 88 (expected end of string, but instead reached end of data)",
                "reddittop: r/dropped: request failed (Connection reset by peer)",
                "reddittop: r/nosuchsub: not found (HTTP 302 to subreddit search)",
                "reddittop: r/overloaded: server error (HTTP 503 Service Unavailable)",
                "reddittop: r/private_sub: private subreddit (HTTP 403)",
                "reddittop: r/stuck: timed out after 5 s",
            ],
            errors);
    }

    [Fact]
    public async Task Run_OddResponses_EachIsThatSubredditsFailureAndTheOthersPrint()
    {
        var scenario = new Scenario();
        scenario.Configure("gzipped").Fault = Fault.BadGzip;
        scenario.Configure("nulldata").Fault = Fault.NullData;
        scenario.Configure("anarray").Fault = Fault.Array;
        scenario.Configure("deep").Fault = Fault.DeepNesting;
        scenario.Configure("notlisting").Fault = Fault.NotListing;
        await using var server = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync(
            "--base-url", server.BaseUrl, "python:2", "gzipped", "nulldata", "anarray", "deep", "notlisting", "rust:1");

        Assert.Equal(1, exitCode);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 2), stdout, StringComparison.Ordinal);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                "reddittop: r/anarray: unexpected response: not a listing",
                "reddittop: r/deep: invalid JSON at byte 112 (the maximum configured depth of 64 has been exceeded)",
                "reddittop: r/gzipped: unexpected response: cannot decompress the body (not valid gzip, deflate or brotli data)",
                "reddittop: r/notlisting: unexpected response: not a listing (kind 't5')",
                "reddittop: r/nulldata: unexpected response: listing has no data",
            ],
            stderr.TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2>/dev/full")]
    [InlineData("2>&-")]
    public async Task Run_StderrUnwritable_KeepsTheExitCodeAndStdout(string redirection)
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, _) = await ReddittopProcess.RunAsync(["--base-url", server.BaseUrl, "rust:2", "nosuchsub"], redirection);

        Assert.Equal(1, exitCode);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "rust", 2), stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2>/dev/full")]
    [InlineData("2>&-")]
    public async Task Run_UsageErrorWithStderrUnwritable_Exits2(string redirection)
    {
        var (exitCode, stdout, _) = await ReddittopProcess.RunAsync(["python:0"], redirection);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Run_StdoutOnAFullDisk_Exits1AndSaysWhy()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await ReddittopProcess.RunAsync(["--base-url", server.BaseUrl, "rust:2"], ">/dev/full");

        Assert.Equal(1, exitCode);
        Assert.Equal("reddittop: cannot write output: No space left on device\n", stderr);
    }

    [Fact]
    public async Task Run_UnknownSubreddit_IsNotFoundNotAnEmptyBlock()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "nosuchsub");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("/r/nosuchsub", stdout, StringComparison.Ordinal);
        Assert.Equal("reddittop: r/nosuchsub: not found (HTTP 302 to subreddit search)\n", stderr);
        var request = Assert.Single(server.Requests); // the redirect to the search was not followed
        Assert.Equal("nosuchsub", request.Subreddit);
    }

    [Fact]
    public async Task Run_ServerIgnoresRawJson_PrintsTitlesUnescaped()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { IgnoreRawJson = true }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, _) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "python:5");

        Assert.Equal(0, exitCode);
        Assert.Contains("&amp;", await new HttpClient().GetStringAsync($"{server.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 5, unescape: true), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public async Task Run_Version_PrintsTheVersion(string option)
    {
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync(option);

        Assert.Equal(0, exitCode);
        Assert.Equal("0.1.0\n", stdout);
        Assert.Equal("", stderr);
    }

    [Theory]
    [InlineData("--bogus", "python")]
    [InlineData("python:0")]
    [InlineData("py/thon")]
    [InlineData]
    public async Task Run_UsageError_Exits2WithoutStackTrace(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("reddittop: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BaseUrlFromEnvironment_TalksToThatServer()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["askreddit:1"], new Dictionary<string, string?> { ["REDDITTOP_BASE_URL"] = server.BaseUrl });

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Contains("\n/r/askreddit:\n\t38445: What tasty food would be distusting if eaten over rice?\n", process.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReddittopProcess.Sigint, 130)]
    [InlineData(ReddittopProcess.Sigterm, 143)]
    public async Task Run_Signalled_ExitsWithTheSignalsCodeLeavingOnlyWholeBlocks(int signal, int expectedExitCode)
    {
        await using var server = await StartWithPythonHeldAsync();

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:2", "rust:3"]);
        var rustBlock = await ExpectedOutput.BlockAsync(server, "rust", 3);
        await process.WaitForStdoutAsync(s => s.Contains(rustBlock, StringComparison.Ordinal), Patience);
        process.Signal(signal);

        Assert.Equal(expectedExitCode, await process.WaitForExitAsync(Patience));
        Assert.EndsWith(rustBlock, process.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InterruptedWhileTheReaderIsNotReading_Exits130WithoutStackTrace()
    {
        // Eleven full listings are more than a pipe holds, so reddittop blocks writing to a reader that never reads.
        var names = ListingStore.GeneratedSubreddits.Append("askreddit").ToArray();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, .. names.Select(n => n + ":100")], readStdout: false);
        await process.WaitUntilAsync(process.IsBlockedWritingToAPipe, Patience);
        process.Signal(ReddittopProcess.Sigint);

        Assert.Equal(130, await process.WaitForExitAsync(Patience));
        Assert.DoesNotContain("Exception", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReaderClosesThePipe_StopsQuietly()
    {
        await using var server = await StartWithPythonHeldAsync();

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:100", "rust:1"]);
        await process.WaitForStdoutAsync(s => s.Contains("/r/rust:", StringComparison.Ordinal), Patience);
        process.CloseStdout();
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Equal("", process.Stderr);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test if the process exits first or after a long patience.</summary>
    /// <summary>A server whose python responses wait for <c>Release("python")</c>; other subreddits answer at once.</summary>
    private static async Task<FakeRedditServer> StartWithPythonHeldAsync()
    {
        var server = await FakeRedditServer.StartAsync(new Scenario());
        server.Hold("python");
        return server;
    }

    [GeneratedRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) \d\d, (0\d|1[0-2]):[0-5]\d (AM|PM)\n-{27}\n\n/r/")]
    private static partial Regex HeaderPattern();
}

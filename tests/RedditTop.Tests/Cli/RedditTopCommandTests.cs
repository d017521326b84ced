using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Output;
using RedditTop.Run;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Cli;

/// <summary>The whole command in-process: arguments → requests (mocked) → stdout, stderr and exit code.</summary>
public sealed class RedditTopCommandTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly NeverAnsweringHandler _stuck; // r/stuck never answers; everything else goes to _mock
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Dictionary<string, string> _variables = [];
    private readonly FakeTimeProvider _time = CreateTime();

    public RedditTopCommandTests() => _stuck = new NeverAnsweringHandler("/r/stuck/", _mock);

    public void Dispose()
    {
        _stuck.Dispose();
        _mock.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task InvokeAsync_AllSubredditsSucceed_PrintsHeaderAndEveryBlockAndExits0()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        _mock.When("https://www.reddit.com/r/all/top.json").Respond("application/json", TestFiles.Read("listing_top_no_raw_json.json"));

        var exitCode = await InvokeAsync("askreddit:2", "all:25");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", _error.ToString());
        var output = _out.ToString();
        Assert.StartsWith("Friday, November 27, 06:12 AM\n---------------------------\n", output, StringComparison.Ordinal);
        Assert.Contains("\n/r/askreddit:\n\t38445: What tasty food would be distusting if eaten over rice?\n", output, StringComparison.Ordinal);
        Assert.Contains("\n/r/all:\n", output, StringComparison.Ordinal);
        Assert.Contains("\n\t18695: <------- TIL that hitting the upvote arrow gives you reddit gold for free\n", output, StringComparison.Ordinal);
        Assert.Equal(27, output.Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvokeAsync_OneSubredditFails_PrintsTheOthersAndExits1()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        _mock.When("https://www.reddit.com/r/nosuchsub/top.json").Respond(HttpStatusCode.NotFound, "application/json", TestFiles.Read("error_404_not_found.json"));
        _mock.When("https://www.reddit.com/r/all/top.json").Respond("application/json", TestFiles.Read("listing_top_no_raw_json.json"));

        var exitCode = await InvokeAsync("askreddit:1", "nosuchsub", "all:1");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal("reddittop: r/nosuchsub: not found (HTTP 404)\n", _error.ToString());
        Assert.Contains("\n/r/askreddit:\n", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n/r/all:\n", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nosuchsub", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NameTypedInCapitals_PrintsItAsTyped()
    {
        _mock.When("https://www.reddit.com/r/AskReddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));

        await InvokeAsync("AskReddit:1");

        Assert.Contains("\n/r/AskReddit:\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NoCount_UsesLimitOption()
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/top.json").WithExactQueryString("t=all&limit=4&raw_json=1")
            .Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("-n", "4", "--time", "all", "askreddit");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
        Assert.Equal(4, _out.ToString().Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvokeAsync_NoCountAndNoLimit_AsksForTenPostsOfTheDay()
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/top.json").WithExactQueryString("t=day&limit=10&raw_json=1")
            .Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("askreddit");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_TimeInCapitals_IsAccepted()
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/top.json").WithQueryString("t", "week")
            .Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("-t", "WEEK", "askreddit:1");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_NoTimeoutAndNoRetries_GivesUpOnASubredditAfterTenSeconds()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));

        var run = InvokeAsync("--retries", "0", "askreddit:1", "stuck");
        var stuck = await _stuck.NextRequestAsync();
        await Poll.UntilAsync(() => _out.ToString().Contains("/r/askreddit:", StringComparison.Ordinal), Poll.Patience); // before the clock moves

        // The fake clock fires timers inside Advance: the held request's token shows at once whether the time-out fired.
        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(stuck.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(stuck.IsCancellationRequested);
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal("reddittop: r/stuck: timed out after 10 s\n", _error.ToString());
        Assert.Contains("/r/askreddit:", _out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", 0.5, "0.5")]
    [InlineData("1e1", 10, "10")]
    [InlineData("2.5E-1", 0.25, "0.25")]
    public async Task InvokeAsync_FractionalOrExponentTimeout_IsAccepted(string timeout, double seconds, string printed)
    {
        var run = InvokeAsync("--retries", "0", "--timeout", timeout, "stuck");
        var stuck = await _stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(seconds));

        Assert.True(stuck.IsCancellationRequested);
        Assert.Equal(ExitCodes.Failed, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal($"reddittop: r/stuck: timed out after {printed} s\n", _error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_GermanCulture_PrintsNumbersInvariantly()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            _mock.When("https://www.reddit.com/r/limited/top.json").Respond(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                response.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(2.5));
                return response;
            });

            var run = InvokeAsync("--retries", "0", "--timeout", "0.5", "stuck", "limited");
            await _stuck.NextRequestAsync();
            await Poll.UntilAsync(() => _error.ToString().Contains("r/limited", StringComparison.Ordinal), Poll.Patience); // before the clock moves
            _time.Advance(TimeSpan.FromSeconds(0.5));

            Assert.Equal(ExitCodes.Failed, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
            var errors = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
            Assert.Equal(["reddittop: r/limited: rate limited (HTTP 429, retry after 3 s)", "reddittop: r/stuck: timed out after 0.5 s"], errors);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("-n", "1", "-n", "2", "askreddit")]
    [InlineData("--limit=5", "--sort", "hot", "-n2", "--sort=top", "askreddit")]
    public async Task InvokeAsync_OptionGivenTwice_TakesTheLastValue(params string[] args)
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/top.json").WithQueryString("limit", "2").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9999", "http://127.0.0.1:9999/r/askreddit/top.json")]
    [InlineData("", "https://www.reddit.com/r/askreddit/top.json")] // an empty variable counts as unset
    public async Task InvokeAsync_BaseUrlFromEnvironment_SendsRequestsThere(string variable, string expectedUrl)
    {
        _variables[BaseUrlRules.Variable] = variable;
        _mock.Expect(expectedUrl).Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("askreddit:1");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_BaseUrlOption_WinsOverEnvironment()
    {
        _variables[BaseUrlRules.Variable] = "http://127.0.0.1:9999";
        _mock.Expect("http://127.0.0.1:8888/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("--base-url", "http://127.0.0.1:8888", "askreddit:1");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("py/thon")]
    [InlineData("python:0")]
    [InlineData("python:abc")]
    [InlineData("--bogus", "python")]
    [InlineData("-n", "0", "python")]
    [InlineData("-n", "abc", "python")]
    [InlineData("-t", "decade", "python")]
    [InlineData("--timeout", "0", "python")]
    [InlineData("--base-url", "ftp://example.com", "python")]
    [InlineData("--base-url", "not a url", "python")]
    [InlineData("--base-url", "http://127.0.0.1:5000/?x=1", "python")]
    [InlineData("--timeout", "-1", "python")]
    [InlineData("--timeout", "3601", "python")]
    [InlineData("--timeout", "NaN", "python")]
    [InlineData("--timeout", "nan", "python")]
    [InlineData("--timeout", "Infinity", "python")]
    [InlineData("--timeout", "-Infinity", "python")]
    [InlineData("--timeout", "∞", "python")]
    [InlineData("--timeout", "1e9", "python")]
    [InlineData("--base-url", "", "python")]
    [InlineData("--retries", "11", "python")]
    [InlineData("--retries", "-1", "python")]
    [InlineData("-j", "0", "python")]
    [InlineData("-j", "1001", "python")]
    [InlineData("--deadline", "0", "python")]
    [InlineData("--deadline", "NaN", "python")]
    [InlineData("--sort", "oldest", "python")]
    [InlineData("python", "--", "-n")]
    [InlineData("[suggest]", "-vn", "-n5")]
    [InlineData("-n")]
    [InlineData]
    public async Task InvokeAsync_UsageError_Exits2WithMessageAndNoStackTrace(params string[] args)
    {
        var anyRequest = _mock.When("*").Respond(HttpStatusCode.OK);

        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        var error = _error.ToString();
        Assert.StartsWith("reddittop: ", error, StringComparison.Ordinal);
        Assert.EndsWith("Try 'reddittop --help' for more information.\n", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", _out.ToString());
        Assert.Equal(0, _mock.GetMatchCount(anyRequest));
    }

    [Theory]
    [InlineData("localhost:5000", "reddittop: REDDITTOP_BASE_URL: 'localhost:5000' is not an absolute http or https URL")]
    [InlineData("http://reddit.example", "reddittop: REDDITTOP_BASE_URL: plain http is accepted only for a loopback address")]
    public async Task InvokeAsync_UnusableBaseUrlInEnvironment_Exits2NamingTheVariable(string variable, string expected)
    {
        _variables[BaseUrlRules.Variable] = variable;

        var exitCode = await InvokeAsync("python");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith(expected, _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url", "http://example.com", "reddittop: --base-url: plain http is accepted only for a loopback address, not 'http://example.com/'; use https, or --insecure to send requests unencrypted")]
    [InlineData("--base-url", "http://10.0.0.7:8080/api", "reddittop: --base-url: plain http is accepted only for a loopback address, not 'http://10.0.0.7:8080/api'; use https, or --insecure to send requests unencrypted")]
    [InlineData("--base-url", "http://www.reddit.com", "reddittop: --base-url: Reddit is reached over https only, not 'http://www.reddit.com/'")]
    [InlineData("--base-url", "http://oauth.REDDIT.com./", "reddittop: --base-url: Reddit is reached over https only, not 'http://oauth.reddit.com./'")]
    [InlineData("--insecure", "--base-url", "http://reddit.com", "reddittop: --base-url: Reddit is reached over https only, not 'http://reddit.com/'")]
    [InlineData("--base-url", "https://me:hunter2-secret@example.com", "reddittop: --base-url: a user name or password in the URL is not accepted; an app's credentials go in REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET")]
    [InlineData("--base-url", "http://me:hunter2-secret@127.0.0.1:1/?q", "reddittop: --base-url: 'http://…@127.0.0.1:1/?q' is not an absolute http or https URL (without query)")]
    public async Task InvokeAsync_UnsafeBaseUrl_Exits2BeforeAnyRequestWithoutRepeatingAPassword(params string[] argsThenMessage)
    {
        var anyRequest = _mock.When("*").Respond(HttpStatusCode.OK);

        var exitCode = await InvokeAsync([.. argsThenMessage[..^1], "python"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal($"{argsThenMessage[^1]}\nTry 'reddittop --help' for more information.\n", _error.ToString().ReplaceLineEndings("\n"));
        Assert.DoesNotContain("hunter2", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _mock.GetMatchCount(anyRequest));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9999", "http://127.0.0.1:9999/r/askreddit/top.json")]
    [InlineData("http://127.3.4.5:9999", "http://127.3.4.5:9999/r/askreddit/top.json")]
    [InlineData("http://localhost:9999", "http://localhost:9999/r/askreddit/top.json")]
    [InlineData("http://[::1]:9999/", "http://[::1]:9999/r/askreddit/top.json")]
    [InlineData("https://reddit.example/", "https://reddit.example/r/askreddit/top.json")]
    [InlineData("http://reddit.example/", "http://reddit.example/r/askreddit/top.json", "--insecure")]
    public async Task InvokeAsync_HttpsLoopbackOrInsecure_SendsRequestsThere(string baseUrl, string expectedUrl, string? insecure = null)
    {
        _mock.Expect(expectedUrl).Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync([.. insecure is null ? [] : new[] { insecure }, "--base-url", baseUrl, "askreddit:1"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_Help_PrintsUsageWithExamplesAndExits0()
    {
        var exitCode = await InvokeAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        var help = _out.ToString();
        Assert.Contains("reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1", help, StringComparison.Ordinal);
        Assert.Contains("-t, --time WINDOW ", help, StringComparison.Ordinal);
        Assert.Contains("-s, --sort SORT ", help, StringComparison.Ordinal);
        Assert.Contains("--retries N ", help, StringComparison.Ordinal);
        Assert.Contains("--deadline SECONDS ", help, StringComparison.Ordinal);
        Assert.Contains("-j, --max-concurrency N ", help, StringComparison.Ordinal);
        Assert.Contains("-v, --verbose ", help, StringComparison.Ordinal);
        Assert.Contains("--base-url URL ", help, StringComparison.Ordinal);
        Assert.Contains("--timeout SECONDS ", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CanceledWhileFetching_Exits130()
    {
        using var cts = new CancellationTokenSource();

        var run = InvokeAsync(cts.Token, "stuck");
        var stuck = await _stuck.NextRequestAsync();
        await cts.CancelAsync();

        Assert.Equal(ExitCodes.Interrupted, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(stuck.IsCancellationRequested);
        Assert.Equal("reddittop: interrupted: 0 of 1 subreddits printed\n", _error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_Verbose_WritesOneStderrLinePerAttemptAndNothingMoreToStdout()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        _mock.When("https://www.reddit.com/r/gone/top.json").Respond(HttpStatusCode.NotFound, "application/json", "{}");

        var exitCode = await InvokeAsync("-v", "askreddit:1", "gone");

        Assert.Equal(ExitCodes.Failed, exitCode);
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "reddittop: anonymous requests to https://www.reddit.com/",
                "reddittop: no config file",
                "reddittop: r/askreddit: attempt 1: HTTP 200 in 0 ms, budget unknown",
                "reddittop: r/gone: attempt 1: HTTP 404 in 0 ms, budget unknown",
                "reddittop: r/gone: not found (HTTP 404)",
                "reddittop: rate budget: unknown",
            ],
            lines);
        Assert.DoesNotContain("attempt", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SortNew_AsksForTheNewListingWithoutATimeWindow()
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/new.json").WithExactQueryString("limit=3&raw_json=1").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("--sort", "NEW", "-t", "week", "askreddit:3");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_EmptyListing_PrintsTheBlockWithNoPosts()
    {
        _mock.When("*").Respond("application/json", """{"kind": "Listing", "data": {"after": null, "children": []}}""");

        var exitCode = await InvokeAsync("quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.EndsWith("\n/r/quiet:\n\t(no posts)\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_StderrIsATerminalAndTheRunIsSlow_ShowsALiveStatusLineAndErasesIt()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        var environment = new RunEnvironment(_out, _error, _ => null, _time, _stuck, ErrorIsTerminal: true);

        var run = InvokeAsync(environment, CancellationToken.None, "--retries", "0", "askreddit:1", "stuck");
        await _stuck.NextRequestAsync();
        await Poll.UntilAsync(() => _out.ToString().Contains("/r/askreddit:", StringComparison.Ordinal), Poll.Patience);
        Assert.Equal("", _error.ToString()); // a quick run shows no status line
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal("\r\u001b[Kreddittop: 1/2 subreddits, 0 failed", _error.ToString());
        _time.Advance(TimeSpan.FromSeconds(9.5)); // the stuck request times out
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, exitCode);
        var error = _error.ToString();
        Assert.Contains("\r\u001b[Kreddittop: r/stuck: timed out after 10 s\n", error, StringComparison.Ordinal); // erased before the line
        Assert.EndsWith("\r\u001b[K", error, StringComparison.Ordinal); // and gone at the end
        Assert.DoesNotContain("\u001b", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_StderrIsNotATerminal_NeverShowsAStatusLine()
    {
        var run = InvokeAsync("--retries", "0", "stuck");
        await _stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("reddittop: r/stuck: timed out after 10 s\n", _error.ToString());
    }

    [Theory]
    [InlineData("always", false)]
    [InlineData("auto", true)]
    public async Task InvokeAsync_Colour_MakesTheHeadingBoldTheScoreYellowAndTheUrlDimAndNothingElse(string color, bool terminal)
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));

        await InvokeAsync(new RunEnvironment(_out, _error, _ => null, _time, _stuck, OutIsTerminal: terminal), CancellationToken.None, "--color", color, "askreddit:1");

        // On a terminal new posts are marked too, and on a first run every post is new.
        var colored = _out.ToString();
        var star = terminal ? "*" : "";
        Assert.Contains($"\n\u001b[1m/r/askreddit:\u001b[0m\n\t{star}\u001b[33m38445\u001b[0m: What tasty food would be distusting if eaten over rice?\n\t\t\u001b[2m(", colored, StringComparison.Ordinal);
        var posts = TestFiles.ReadPosts("listing_top.json").Take(1).ToList();
        var plain = TextFormatter.FormatHeader(_time.GetLocalNow()) + TextFormatter.FormatBlock("askreddit", posts, markNew: terminal ? _ => true : null);
        Assert.Equal(plain, System.Text.RegularExpressions.Regex.Replace(colored, "\u001b\\[[0-9;]*m", ""));
    }

    [Theory]
    [InlineData("auto", true, null, null, true)]
    [InlineData("auto", false, null, null, false)]
    [InlineData("auto", true, "1", null, false)]
    [InlineData("auto", false, null, "1", true)]
    [InlineData("auto", false, null, "0", false)]
    [InlineData("auto", true, "", null, true)]
    [InlineData("never", true, null, "1", false)]
    [InlineData("always", false, "1", null, true)]
    public void UseColor_ChoiceTerminalAndVariables_DecideColour(string choice, bool terminal, string? noColor, string? forceColor, bool expected)
    {
        var sut = new OutputOptions(Color: Enum.Parse<ColorMode>(choice, ignoreCase: true));

        var color = sut.UseColor(terminal, name => name switch { "NO_COLOR" => noColor, "FORCE_COLOR" => forceColor, _ => null });

        Assert.Equal(expected, color);
    }

    [Fact]
    public async Task InvokeAsync_NoHeader_PrintsOnlyTheBlocks()
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));

        await InvokeAsync("--no-header", "askreddit:1");

        Assert.StartsWith("\n/r/askreddit:\n\t38445: ", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_OutputFile_IsWrittenWholeAndKeptWhenEverySubredditFails()
    {
        var folder = Directory.CreateTempSubdirectory("reddittop-output-");
        try
        {
            var path = Path.Combine(folder.FullName, "top.txt");
            _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
            _mock.When("https://www.reddit.com/r/gone/top.json").Respond(HttpStatusCode.NotFound, "application/json", "{}");

            Assert.Equal(ExitCodes.Success, await InvokeAsync("-o", path, "askreddit:2"));
            var first = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(ExitCodes.Failed, await InvokeAsync("-o", path, "gone"));

            Assert.StartsWith("Friday, November 27, 06:12 AM\n", first, StringComparison.Ordinal);
            Assert.Contains("\n/r/askreddit:\n", first, StringComparison.Ordinal);
            Assert.Equal("", _out.ToString()); // stdout holds nothing: the output went to the file
            Assert.Equal(first, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)); // the failed run left it as it was
            Assert.Equal(["top.txt"], folder.GetFiles().Select(f => f.Name)); // and no temporary file
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task InvokeAsync_CanceledBeforeTheCommandStarts_Exits130WithoutSendingOrPrinting()
    {
        var anyRequest = _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync(new CancellationToken(canceled: true), "askreddit:1");

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Equal(0, _mock.GetMatchCount(anyRequest));
        Assert.Equal("", _out.ToString());
        Assert.Equal("reddittop: interrupted: 0 of 1 subreddits printed\n", _error.ToString());
    }

    [Theory]
    [InlineData("--timeout", "NaN", "python")]
    [InlineData("--timeout", "1e9", "python")]
    public async Task InvokeAsync_TimeoutNotAUsableNumber_SaysWhich(params string[] args)
    {
        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith($"reddittop: --timeout: '{args[1]}' is not a number of seconds above 0 and at most 3600\n", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_EmptyBaseUrlOption_IsAUsageError()
    {
        var exitCode = await InvokeAsync("--base-url", "", "python");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("reddittop: --base-url: the URL is empty\n", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "python", "--", "-n" }, "reddittop: '-n' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'")]
    [InlineData(new[] { "--", "--bogus" }, "reddittop: '--bogus' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'")]
    [InlineData(new[] { "--bogus", "python" }, "reddittop: unknown option '--bogus'")]
    [InlineData(new[] { "-x", "--", "-x" }, "reddittop: unknown option '-x'\nreddittop: '-x' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'")]
    [InlineData(new[] { "--limt", "5", "python" }, "reddittop: unknown option '--limt' (did you mean '--limit'?)")]
    [InlineData(new[] { "--limt=5", "?" }, "reddittop: unknown option '--limt=5' (did you mean '--limit'?)\nreddittop: '?' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'")]
    [InlineData(new[] { "--bogus", "?", "python" }, "reddittop: unknown option '--bogus'")]
    [InlineData(new[] { "--bogus", "--", "?" }, "reddittop: unknown option '--bogus'\nreddittop: '?' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'")]
    [InlineData(new[] { "-n" }, "reddittop: -n needs a whole number from 1 to 1000")]
    [InlineData(new[] { "python:3", "--limit" }, "reddittop: --limit needs a whole number from 1 to 1000")]
    [InlineData(new[] { "python", "--sort" }, "reddittop: --sort needs one of top, hot, new, rising, controversial, best")]
    [InlineData(new[] { "python", "-o" }, "reddittop: -o needs a file name (- for stdout)")]
    [InlineData(new[] { "--timeout", "--bogus" }, "reddittop: --timeout: '--bogus' is not a number of seconds above 0 and at most 3600")]
    [InlineData(new[] { "-n", "3" }, "reddittop: no subreddit given: name at least one, e.g. 'reddittop python:3'")]
    [InlineData(new string[0], "reddittop: no subreddit given: name at least one, e.g. 'reddittop python:3'")]
    public async Task InvokeAsync_UsageError_PrintsEachProblemOnce(string[] args, string expected)
    {
        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(expected + "\nTry 'reddittop --help' for more information.\n", _error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task InvokeAsync_ArgumentsAfterDoubleDash_AreSubreddits()
    {
        _mock.Expect("https://www.reddit.com/r/askreddit/top.json").WithQueryString("limit", "2").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("-n", "2", "--", "askreddit");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_SubredditNamedTwice_FetchesAndPrintsItTwice()
    {
        var listing = _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("askreddit:1", "askreddit:2");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(2, _mock.GetMatchCount(listing));
        var output = _out.ToString();
        Assert.Equal(2, output.Split('\n').Count(l => l == "/r/askreddit:"));
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task InvokeAsync_LocalTimeZoneNotUtc_PrintsTheHeaderInLocalTime()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("India", TimeSpan.FromHours(5.5), "India", "India"));
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));

        await InvokeAsync("askreddit:1");

        Assert.StartsWith("Friday, November 27, 11:42 AM\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_BugInTheRun_Exits70AskingForAReport()
    {
        var exitCode = await InvokeAsync(
            new RunEnvironment(_out, _error, _ => throw new InvalidOperationException("environment unreadable"), _time, _mock),
            CancellationToken.None,
            "askreddit:1");

        Assert.Equal(ExitCodes.InternalError, exitCode);
        var error = _error.ToString();
        Assert.StartsWith("reddittop: internal error, please report it: System.InvalidOperationException: environment unreadable", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal); // the stack trace belongs in a bug report
    }

    [Fact]
    public async Task InvokeAsync_StdoutFailsWithDiskFull_Exits1AndSaysWhy()
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var full = new StreamWriter(new FullDiskStream());

        var exitCode = await InvokeAsync(new RunEnvironment(full, _error, _ => null, _time, _mock), CancellationToken.None, "askreddit:1");

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal("reddittop: cannot write output: No space left on device\n", _error.ToString());
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public async Task InvokeAsync_VersionAlone_PrintsWhatTheVersionOptionPrints(string option)
    {
        using var optionOutput = new StringWriter();
        await new CommandDefinition().Root.Parse([option]).InvokeAsync(new() { Output = optionOutput }, CancellationToken.None);

        var exitCode = await InvokeAsync(option);

        Assert.Equal(0, exitCode);
        Assert.Equal(optionOutput.ToString(), _out.ToString());
        Assert.NotEqual("", _out.ToString().Trim());
        Assert.Equal("", _error.ToString());
    }

    private Task<int> InvokeAsync(params string[] args) => InvokeAsync(CancellationToken.None, args);

    private Task<int> InvokeAsync(CancellationToken cancellationToken, params string[] args) =>
        InvokeAsync(new RunEnvironment(_out, _error, name => _variables.GetValueOrDefault(name), _time, _stuck), cancellationToken, args);

    private static Task<int> InvokeAsync(RunEnvironment environment, CancellationToken cancellationToken, params string[] args) =>
        RedditTopCommand.InvokeAsync(args, environment, cancellationToken);

    private static FakeTimeProvider CreateTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    /// <summary>A disk that is full: every write fails with ENOSPC.</summary>
    private sealed class FullDiskStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device");

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");
    }
}

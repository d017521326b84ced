using System.Net;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Cli;

/// <summary>The whole command in-process: arguments → requests (mocked) → stdout, stderr and exit code.</summary>
public sealed class RedditTopCommandTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Dictionary<string, string> _variables = [];
    private readonly FakeTimeProvider _time = CreateTime();
    private readonly CancellationTokenSource _stuck = new();

    public void Dispose()
    {
        _stuck.Cancel();
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
    public async Task InvokeAsync_NoTimeout_GivesUpOnASubredditAfterTenSeconds()
    {
        _mock.When("https://www.reddit.com/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        _mock.When("https://www.reddit.com/r/stuck/top.json").Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite, _stuck.Token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var run = InvokeAsync("askreddit:1", "stuck");
        await WaitUntilAsync(() => _out.ToString().Contains("/r/askreddit:", StringComparison.Ordinal));
        _time.Advance(TimeSpan.FromSeconds(9.9));
        await Task.Delay(50);
        Assert.False(run.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal("reddittop: r/stuck: timed out after 10 s\n", _error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_FractionalTimeout_IsAccepted()
    {
        _mock.When("*").Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite, _stuck.Token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        var run = InvokeAsync("--timeout", "0.5", "stuck");
        await WaitUntilAsync(() => _out.ToString().Length > 0);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(ExitCodes.Failed, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("reddittop: r/stuck: timed out after 0.5 s\n", _error.ToString());
    }

    [Fact]
    public async Task InvokeAsync_OptionGivenTwice_ReportsItInTheToolsStyle()
    {
        var exitCode = await InvokeAsync("-n", "1", "-n", "2", "python");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("reddittop: option '-n' expects a single argument but 2 were provided\n", _error.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_BaseUrlFromEnvironment_SendsRequestsThere()
    {
        _variables[CliOptions.BaseUrlVariable] = "http://127.0.0.1:9999";
        _mock.Expect("http://127.0.0.1:9999/r/askreddit/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));

        var exitCode = await InvokeAsync("askreddit:1");

        Assert.Equal(ExitCodes.Success, exitCode);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task InvokeAsync_BaseUrlOption_WinsOverEnvironment()
    {
        _variables[CliOptions.BaseUrlVariable] = "http://127.0.0.1:9999";
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

    [Fact]
    public async Task InvokeAsync_InvalidBaseUrlInEnvironment_Exits2NamingTheVariable()
    {
        _variables[CliOptions.BaseUrlVariable] = "localhost:5000";

        var exitCode = await InvokeAsync("python");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("REDDITTOP_BASE_URL: 'localhost:5000' is not an absolute http or https URL", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Help_PrintsUsageWithExamplesAndExits0()
    {
        var exitCode = await InvokeAsync("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        var help = _out.ToString();
        Assert.Contains("reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1", help, StringComparison.Ordinal);
        Assert.Contains("--time <hour|day|week|month|year|all>", help, StringComparison.Ordinal);
        Assert.Contains("at most 100", help, StringComparison.Ordinal);
        Assert.Contains("--base-url <url>", help, StringComparison.Ordinal);
        Assert.Contains("--timeout <seconds>", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_CanceledWhileFetching_Exits130()
    {
        _mock.When("*").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exitCode = await InvokeAsync(cts.Token, "python");

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Equal("", _error.ToString());
    }

    private Task<int> InvokeAsync(params string[] args) => InvokeAsync(CancellationToken.None, args);

    private Task<int> InvokeAsync(CancellationToken cancellationToken, params string[] args)
    {
        var environment = new CliEnvironment(_out, _error, name => _variables.GetValueOrDefault(name), _time, _mock);
        return RedditTopCommand.InvokeAsync(args, environment, cancellationToken);
    }

    private static FakeTimeProvider CreateTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not met within 30 s");
    }
}

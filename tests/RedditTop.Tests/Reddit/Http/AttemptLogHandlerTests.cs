using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Net.Http.Headers;
using RedditTop.Reddit;
using RedditTop.Tests.Support;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Http;

/// <summary>The <c>--verbose</c> line of each attempt: which subreddit, which page, what came back, and the budget left.</summary>
public sealed class AttemptLogHandlerTests : IDisposable
{
    private const string Url = "https://reddit.test/r/python/top.json";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly MockHttpMessageHandler _mock = new();
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly List<string> _lines = [];

    public void Dispose() => _mock.Dispose();

    [Fact]
    public async Task SendAsync_OnePageBeforeRedditSaidABudget_NamesTheSubredditAndAnUnknownBudget()
    {
        _mock.When(Url).Respond("application/json", Page(1, 5, after: "t3_p5"));
        using var sut = CreateSut();

        await sut.GetPostsAsync(new SubredditQuery("python", 5), CancellationToken.None);

        Assert.Equal(["reddittop: r/python: attempt 1: HTTP 200 in 0 ms, budget unknown"], _lines);
    }

    [Fact]
    public async Task SendAsync_ThreePages_NamesEveryPageAndTheBudgetLeftAfterEach()
    {
        _mock.When(Url).WithQueryString("limit", "100").WithQueryString("after", "t3_p100").Respond(_ => Listing(Page(101, 200, after: "t3_p200"), remaining: "98"));
        _mock.When(Url).WithQueryString("after", "t3_p200").Respond(_ => Listing(Page(201, 250, after: "t3_p250"), remaining: "97"));
        _mock.When(Url).Respond(_ => Listing(Page(1, 100, after: "t3_p100"), remaining: "99"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 250), CancellationToken.None);

        Assert.Equal(250, result.Posts!.Count);
        Assert.Equal(
            [
                "reddittop: r/python: page 1: attempt 1: HTTP 200 in 0 ms, budget 99 left",
                "reddittop: r/python: page 2: attempt 1: HTTP 200 in 0 ms, budget 98 left",
                "reddittop: r/python: page 3: attempt 1: HTTP 200 in 0 ms, budget 97 left",
            ],
            _lines);
    }

    [Fact]
    public async Task SendAsync_SecondPageRetried_NamesThePageOfEachAttempt()
    {
        var failures = 0;
        _mock.When(Url).WithQueryString("after", "t3_p100").Respond(_ => failures++ == 0 ? Unavailable() : Listing(Page(101, 150, after: null), remaining: "97.5"));
        _mock.When(Url).Respond("application/json", Page(1, 100, after: "t3_p100"));
        using var sut = CreateSut(retries: 1);

        var run = sut.GetPostsAsync(new SubredditQuery("python", 150), CancellationToken.None);
        await _time.WaitForTimerAsync(RetryAfter);
        _time.Advance(RetryAfter);

        Assert.Equal(150, (await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Posts!.Count);
        Assert.Equal(
            [
                "reddittop: r/python: page 1: attempt 1: HTTP 200 in 0 ms, budget unknown",
                "reddittop: r/python: page 2: attempt 1: HTTP 503 in 0 ms, budget unknown",
                "reddittop: r/python: page 2: attempt 2: HTTP 200 in 0 ms, budget 97.5 left",
            ],
            _lines);
    }

    private RedditClient CreateSut(int retries = 0) =>
        RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = retries }, _time, log: _lines.Add, network: _mock);

    private static HttpResponseMessage Unavailable()
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(RetryAfter);
        return response;
    }

    private static HttpResponseMessage Listing(string body, string remaining)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Remaining", remaining);
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Reset", "300");
        return response;
    }

    /// <summary>A listing page holding posts <paramref name="from"/> to <paramref name="to"/> (ids <c>p1</c>, <c>p2</c>, ...).</summary>
    private static string Page(int from, int to, string? after)
    {
        var children = new JsonArray();
        for (var n = from; n <= to; n++)
        {
            var id = "p" + n.ToString(CultureInfo.InvariantCulture);
            children.Add(new JsonObject
            {
                ["kind"] = "t3",
                ["data"] = new JsonObject { ["id"] = id, ["name"] = "t3_" + id, ["title"] = "post " + id, ["score"] = 1000 - n, ["url"] = "https://example.com/" + id },
            });
        }

        return new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["after"] = after, ["children"] = children } }.ToJsonString();
    }
}

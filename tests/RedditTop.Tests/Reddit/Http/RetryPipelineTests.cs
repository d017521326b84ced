using System.Net;
using System.Net.Http.Headers;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Http;

/// <summary>Retries through the whole client: attempts counted at the mock, waits observed on a fake clock, nothing sleeps.</summary>
public sealed class RetryPipelineTests : IDisposable
{
    private const string Url = "https://reddit.test/r/python/top.json";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly TimerWatchingTimeProvider _time = new();

    public void Dispose() => _mock.Dispose();

    [Fact]
    public async Task GetPostsAsync_TwoServerErrorsThenSuccess_SucceedsOnTheThirdAttempt()
    {
        var request = _mock.When(Url).Respond(Sequence(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.BadGateway), Listing()));
        using var sut = CreateSut();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        await AdvancePastBackoffAsync();
        await AdvancePastBackoffAsync();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Posts!.Count);
        Assert.Equal(3, _mock.GetMatchCount(request));
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task GetPostsAsync_TransientStatusEveryTime_TriesOnePlusRetriesTimesAndSaysSo(HttpStatusCode status)
    {
        var request = _mock.When(Url).Respond(_ => Status(status));
        using var sut = CreateSut(retries: 3);

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await AdvancePastBackoffAsync();
        }

        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(4, _mock.GetMatchCount(request));
        Assert.Equal(4, result.Failure!.Attempts);
        Assert.EndsWith(", 4 attempts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsAsync_NoRetryAfter_BacksOffExponentiallyFromOneSecond()
    {
        _mock.When(Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions(), _time, network: _mock, randomizer: () => 0.5);

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var backoff = await _time.WaitForTimerAsync(IsBackoff);
            delays.Add(backoff);
            _time.Advance(backoff);
        }

        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Jitter spreads each wait around 1 s, 2 s, 4 s (the randomizer is fixed here); they grow, and none is long.
        Assert.Equal(4, result.Failure!.Attempts);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], string.Join(", ", delays));
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(8)));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task GetPostsAsync_ClientError_IsNeverRetried(HttpStatusCode status)
    {
        var request = _mock.When(Url).Respond(_ => Status(status));
        using var sut = CreateSut(retries: 3);

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);

        Assert.Equal(1, _mock.GetMatchCount(request));
        Assert.Equal(1, result.Failure!.Attempts);
    }

    [Fact]
    public async Task GetPostsAsync_RetryAfterInSeconds_WaitsExactlyThatLong()
    {
        var request = _mock.When(Url).Respond(Sequence(
            Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))),
            Listing()));
        using var sut = CreateSut();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(6.999));
        Assert.Equal(1, _mock.GetMatchCount(request));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(2, _mock.GetMatchCount(request));
    }

    [Fact]
    public async Task GetPostsAsync_RetryAfterAsHttpDate_WaitsUntilThatTime()
    {
        var request = _mock.When(Url).Respond(Sequence(
            Status(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(30))),
            Listing()));
        using var sut = CreateSut();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(2, _mock.GetMatchCount(request));
    }

    [Fact]
    public async Task GetPostsAsync_RetryAfterBeyondTheDeadline_FailsAtOnceWithTheWaitRedditAskedFor()
    {
        var request = _mock.When(Url).Respond(_ => Status(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))));
        using var sut = CreateSut(deadline: TimeSpan.FromSeconds(60));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None); // no clock advanced: nothing was slept

        Assert.Equal(1, _mock.GetMatchCount(request));
        Assert.Equal("rate limited (HTTP 429, retry after 120 s)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_DeadlinePassesWhileWaiting_ReportsTheDeadline()
    {
        using var stuck = new NeverAnsweringHandler();
        using var sut = CreateSut(new RedditClientOptions { Timeout = TimeSpan.FromSeconds(100), Deadline = TimeSpan.FromSeconds(5) }, stuck);

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        await stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(FailureKind.DeadlineReached, result.Failure!.Kind);
        Assert.Equal("timed out: deadline of 5 s reached", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_EveryAttemptTimesOut_RetriesThenReportsTheTimeOut()
    {
        using var stuck = new NeverAnsweringHandler();
        using var sut = CreateSut(new RedditClientOptions { Timeout = TimeSpan.FromSeconds(2), Retries = 1 }, stuck);

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);
        var first = await stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(first.IsCancellationRequested);
        await AdvancePastBackoffAsync();
        await stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("timed out after 2 s, 2 attempts", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_CanceledDuringABackoff_ThrowsAtOnce()
    {
        _mock.When(Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var sut = CreateSut();
        using var cts = new CancellationTokenSource();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 2), cts.Token);
        await _time.WaitForTimerAsync(IsBackoff);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetPostsAsync_NoRetries_TriesOnce()
    {
        var request = _mock.When(Url).Respond(_ => Status(HttpStatusCode.ServiceUnavailable));
        using var sut = CreateSut(retries: 0);

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);

        Assert.Equal(1, _mock.GetMatchCount(request));
        Assert.Equal("server error (HTTP 503 Service Unavailable)", result.Error);
    }

    /// <summary>A backoff is the only timer of a few seconds: attempt time-outs here are 10 s, the deadline 60 s.</summary>
    private static bool IsBackoff(TimeSpan due) => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(9);

    /// <summary>Waits for the retry's backoff timer, then moves the clock past it.</summary>
    private async Task AdvancePastBackoffAsync()
    {
        var backoff = await _time.WaitForTimerAsync(IsBackoff);
        _time.Advance(backoff);
    }

    private RedditClient CreateSut(int retries = 3, TimeSpan? deadline = null) =>
        CreateSut(new RedditClientOptions { Retries = retries, Deadline = deadline ?? RedditClientOptions.DefaultDeadline }, _mock);

    private RedditClient CreateSut(RedditClientOptions options, HttpMessageHandler network) =>
        RedditClient.Create(new Uri("https://reddit.test"), options, _time, network: network);

    private static Func<HttpRequestMessage, HttpResponseMessage> Sequence(params HttpResponseMessage[] responses)
    {
        var next = 0;
        return _ => responses[Math.Min(Interlocked.Increment(ref next) - 1, responses.Length - 1)];
    }

    private static HttpResponseMessage Listing() =>
        new(HttpStatusCode.OK) { Content = new StringContent(TestFiles.Read("listing_top.json"), System.Text.Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Status(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent("", System.Text.Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }
}

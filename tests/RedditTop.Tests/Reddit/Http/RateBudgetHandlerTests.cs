using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Http;

public sealed class RateBudgetHandlerTests
{
    [Fact]
    public async Task SendAsync_MaxConcurrencyTwo_NeverHasMoreThanTwoRequestsInFlight()
    {
        using var server = new GatedServer();
        using var client = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { MaxConcurrency = 2 }, new FakeTimeProvider(), network: server);
        var queries = Enumerable.Range(1, 5).Select(n => new SubredditQuery($"sub{n}", 1)).ToList();

        var run = Task.Run(async () =>
        {
            var names = new List<string>();
            await foreach (var result in SubredditFetcher.FetchAllAsync(client, queries, CancellationToken.None))
            {
                names.Add(result.Query.Name);
            }

            return names;
        });

        // Two arrive; each answer lets exactly one more in.
        var waiting = new Queue<TaskCompletionSource>([await server.NextAsync(), await server.NextAsync()]);
        Assert.Equal(2, server.InFlight);
        for (var answered = 0; answered < 5; answered++)
        {
            waiting.Dequeue().SetResult();
            if (answered < 3)
            {
                waiting.Enqueue(await server.NextAsync());
                Assert.Equal(2, server.InFlight);
            }
        }

        Assert.Equal(5, (await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Count);
        Assert.Equal(2, server.MostInFlight);
    }

    [Fact]
    public async Task SendAsync_BudgetSpentAndTheResetPastTheDeadline_FailsAtOnceNamingTheWaitWithoutSending()
    {
        using var mock = new MockHttpMessageHandler();
        var first = mock.When("https://reddit.test/r/python/top.json").Respond(_ => Listing(remaining: "0.0", reset: "600"));
        var later = mock.When("https://reddit.test/r/rust/top.json").Respond(_ => Listing(remaining: "99.0", reset: "600"));
        var time = new TimerWatchingTimeProvider();
        using var client = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Deadline = TimeSpan.FromSeconds(300) }, time, network: mock);

        var python = await client.GetPostsAsync(new SubredditQuery("python", 1), TestContext.Current.CancellationToken);
        var rust = await client.GetPostsAsync(new SubredditQuery("rust", 1), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken); // no clock advanced: nothing waited

        Assert.Null(python.Error);
        Assert.Equal((FailureKind.RateLimited, null, 1), (rust.Failure!.Kind, rust.Failure.Status, rust.Failure.Attempts));
        Assert.Equal("rate limited (Reddit's budget resets in 600 s)", rust.Error);
        Assert.Equal((1, 0), (mock.GetMatchCount(first), mock.GetMatchCount(later)));
    }

    [Fact]
    public async Task SendAsync_RetryTurnedAwayByTheBudget_CountsOnlyTheAttemptSent()
    {
        using var mock = new MockHttpMessageHandler();
        var request = mock.When("https://reddit.test/r/python/top.json").Respond(_ =>
        {
            var response = Listing(remaining: "0.0", reset: "600");
            response.StatusCode = HttpStatusCode.ServiceUnavailable;
            return response;
        });
        var time = new TimerWatchingTimeProvider();
        using var client = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Deadline = TimeSpan.FromSeconds(300), Retries = 3 }, time, network: mock);

        var pending = client.GetPostsAsync(new SubredditQuery("python", 1), TestContext.Current.CancellationToken);
        var backoff = await time.WaitForTimerAsync(due => due > TimeSpan.Zero && due < TimeSpan.FromSeconds(9)); // the backoff; attempts time out after 10 s
        time.Advance(backoff);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The reset named is the one left after the backoff (jittered: about a second).
        Assert.Equal(1, mock.GetMatchCount(request));
        Assert.Equal(FormattableString.Invariant($"rate limited (Reddit's budget resets in {Math.Ceiling(600 - backoff.TotalSeconds)} s)"), result.Error);
    }

    private static HttpResponseMessage Listing(string remaining, string reset)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TestFiles.Read("listing_top.json"), System.Text.Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Remaining", remaining);
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Reset", reset);
        return response;
    }

    /// <summary>A server that holds each request until the test lets its answer go, counting how many it holds at once.</summary>
    private sealed class GatedServer : HttpMessageHandler
    {
        private readonly Channel<TaskCompletionSource> _arrivals = Channel.CreateUnbounded<TaskCompletionSource>();
        private int _inFlight;
        private int _mostInFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MostInFlight => Volatile.Read(ref _mostInFlight);

        public async Task<TaskCompletionSource> NextAsync() => await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int most;
            while ((most = Volatile.Read(ref _mostInFlight)) < now && Interlocked.CompareExchange(ref _mostInFlight, now, most) != most)
            {
            }

            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivals.Writer.TryWrite(gate);
            await gate.Task.WaitAsync(cancellationToken);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TestFiles.Read("listing_top.json"), System.Text.Encoding.UTF8, "application/json") };
            Interlocked.Decrement(ref _inFlight);
            return response;
        }
    }
}

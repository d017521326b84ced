using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Tests.TestData;

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

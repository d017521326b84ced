using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit;

public sealed class SubredditFetcherTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly NeverAnsweringHandler _stuck;
    private readonly MockedRequest _listing;

    public SubredditFetcherTests()
    {
        _listing = _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
        _stuck = new NeverAnsweringHandler("/r/stuck/", _mock);
    }

    public void Dispose()
    {
        _stuck.Dispose();
        _mock.Dispose();
    }

    [Fact]
    public async Task FetchAllAsync_FastAndStuck_YieldsTheFastOneFirst()
    {
        using var sut = CreateSut();

        await using var results = SubredditFetcher.FetchAllAsync(sut, [new("stuck", 1), new("askreddit", 2)], CancellationToken.None).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await results.MoveNextAsync());
        Assert.Equal("askreddit", results.Current.Query.Name);
        Assert.Equal(2, results.Current.Posts!.Count);
    }

    [Fact]
    public async Task FetchAllAsync_ReaderStopsEarly_CancelsTheRequestsStillInFlight()
    {
        using var sut = CreateSut();

        var stuckRequest = CancellationToken.None;
        await foreach (var result in SubredditFetcher.FetchAllAsync(sut, [new("stuck", 1), new("askreddit", 1)], CancellationToken.None))
        {
            Assert.Equal("askreddit", result.Query.Name);
            stuckRequest = await StuckRequestAsync();
            break; // as when the reader closes the pipe
        }

        // The enumeration has ended; the stuck request must not outlive it.
        Assert.True(stuckRequest.IsCancellationRequested);
    }

    [Fact]
    public async Task FetchAllAsync_ReaderThrows_CancelsTheRequestsStillInFlight()
    {
        using var sut = CreateSut();

        var stuckRequest = CancellationToken.None;
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in SubredditFetcher.FetchAllAsync(sut, [new("stuck", 1), new("askreddit", 1)], CancellationToken.None))
            {
                stuckRequest = await StuckRequestAsync();
                throw new IOException("No space left on device"); // as when a write fails
            }
        });

        Assert.True(stuckRequest.IsCancellationRequested);
    }

    [Fact]
    public async Task FetchAllAsync_CanceledBeforeExecution_SendsNothing()
    {
        using var sut = CreateSut();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in SubredditFetcher.FetchAllAsync(sut, [new("askreddit", 1)], new CancellationToken(canceled: true)))
            {
            }
        });

        Assert.Equal(0, _mock.GetMatchCount(_listing));
    }

    [Fact]
    public async Task FetchAllAsync_TenThousandSubredditsPastTheDeadline_StartsOnlyAWindowAndFailsTheRestAtOnce()
    {
        var time = new TimerCountingTimeProvider();
        using var network = new NeverAnsweringHandler();
        var options = new RedditClientOptions { MaxConcurrency = 2, Timeout = TimeSpan.FromSeconds(30), Deadline = TimeSpan.FromSeconds(10) };
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), options, time, network: network);
        var queries = Enumerable.Range(0, 10_000).Select(i => new SubredditQuery($"s{i}", 1)).ToList();

        var run = Task.Run(async () => await SubredditFetcher.FetchAllAsync(sut, queries, TestContext.Current.CancellationToken).ToListAsync(), TestContext.Current.CancellationToken);
        await network.Requests.Reader.ReadAsync(TestContext.Current.CancellationToken);
        await network.Requests.Reader.ReadAsync(TestContext.Current.CancellationToken);

        // Every subreddit under way has its deadline timer and waits for a slot: a window of them, not ten thousand.
        Assert.InRange(time.Timers, 1, 10 * SubredditFetcher.WindowFor(2));
        time.Advance(TimeSpan.FromSeconds(11));
        var results = await run;

        Assert.Equal(queries.Select(q => q.Name).Order(), results.Select(r => r.Query.Name).Order());
        Assert.All(results, r => Assert.Equal("timed out: deadline of 10 s reached", r.Error));
        // A slot freed at the deadline may go to a subreddit of the window that was waiting for it (its own deadline
        // timer not fired yet), and that request is cancelled at once; no subreddit is started after the deadline.
        var sentAfterwards = 0;
        while (network.Requests.Reader.TryRead(out _))
        {
            sentAfterwards++;
        }

        Assert.InRange(sentAfterwards, 0, SubredditFetcher.WindowFor(2));
        Assert.InRange(time.Timers, 1, 10 * SubredditFetcher.WindowFor(2));
    }

    /// <summary>Waits until the stuck request has reached the server; returns its cancellation token.</summary>
    private async Task<CancellationToken> StuckRequestAsync()
    {
        var token = await _stuck.NextRequestAsync();
        Assert.False(token.IsCancellationRequested);
        return token;
    }

    private RedditClient CreateSut() =>
        RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Timeout = TimeSpan.FromSeconds(30) }, new FakeTimeProvider(), network: _stuck);

    private sealed class TimerCountingTimeProvider : FakeTimeProvider
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}

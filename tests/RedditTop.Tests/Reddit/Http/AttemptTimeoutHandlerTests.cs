using RedditTop.Reddit;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Reddit.Http;

/// <summary>The time-out of one attempt, through the whole client, on a fake clock: it runs only while the attempt is out on the network.</summary>
public sealed class AttemptTimeoutHandlerTests
{
    private readonly TimerWatchingTimeProvider _time = new();

    [Fact]
    public async Task GetPostsAsync_WaitingForAConcurrencySlot_DoesNotCountAgainstTheTimeout()
    {
        using var stuck = new NeverAnsweringHandler();
        using var sut = RedditClient.Create(
            new Uri("https://reddit.test"),
            new RedditClientOptions { MaxConcurrency = 1, Timeout = TimeSpan.FromSeconds(2), Retries = 0 },
            _time,
            network: stuck);

        var first = sut.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);
        var second = sut.GetPostsAsync(new SubredditQuery("rust", 1), CancellationToken.None);
        await stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(2)); // the first times out and frees the slot, two seconds after both began
        var firstResult = await first.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The second waited those two seconds for the slot: it is sent now, and has its own two seconds.
        var secondAttempt = await stuck.NextRequestAsync();
        Assert.False(second.IsCompleted);
        Assert.False(secondAttempt.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(2));
        var secondResult = await second.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("timed out after 2 s", firstResult.Error);
        Assert.Equal("timed out after 2 s", secondResult.Error);
    }

    [Fact]
    public async Task GetPostsAsync_CanceledWhileOnTheNetwork_ThrowsRatherThanReportingATimeout()
    {
        using var stuck = new NeverAnsweringHandler();
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Timeout = TimeSpan.FromSeconds(2) }, _time, network: stuck);
        using var cts = new CancellationTokenSource();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 1), cts.Token);
        await stuck.NextRequestAsync();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}

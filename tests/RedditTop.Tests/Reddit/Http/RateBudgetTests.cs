using RedditTop.Reddit.Http;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Reddit.Http;

public sealed class RateBudgetTests
{
    private static readonly DateTimeOffset NoDeadline = DateTimeOffset.MaxValue;

    private readonly TimerWatchingTimeProvider _time = new();

    [Fact]
    public async Task AcquireAsync_BudgetUnknown_LetsEveryRequestGo()
    {
        var sut = new RateBudget(_time);

        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => sut.AcquireAsync(NoDeadline, CancellationToken.None)));

        Assert.Equal(50, leases.Length);
    }

    [Fact]
    public async Task AcquireAsync_RemainingCoversTheRequestsInFlight_SpendsItWithoutWaiting()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "3.0", reset: "10"));

        using var first = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        using var second = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        using var third = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        var fourth = sut.AcquireAsync(NoDeadline, CancellationToken.None);

        Assert.False(fourth.IsCompleted);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(9.999));
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await fourth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ManyConcurrentWaiters_AllGoAfterTheReset()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "0.0", reset: "3"));

        var waiting = Enumerable.Range(0, 20).Select(_ => sut.AcquireAsync(NoDeadline, CancellationToken.None)).ToList();
        for (var i = 0; i < 20; i++)
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        }

        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        _time.Advance(TimeSpan.FromSeconds(3));

        // A new window: its budget is unknown until the next answer, so nobody waits for it.
        var leases = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(20, leases.Length);
        Assert.Null(sut.Remaining);
    }

    [Fact]
    public async Task AcquireAsync_AnswersOutOfOrder_TheLowestRemainingWins()
    {
        var sut = new RateBudget(_time);

        sut.Update(Headers(remaining: "5.0", reset: "10"));
        sut.Update(Headers(remaining: "7.0", reset: "10")); // an older answer arriving late

        Assert.Equal(5.0, sut.Remaining);
        var leases = new List<RateBudget.Lease>();
        for (var i = 0; i < 5; i++)
        {
            leases.Add(await sut.AcquireAsync(NoDeadline, CancellationToken.None));
        }

        Assert.False(sut.AcquireAsync(NoDeadline, CancellationToken.None).IsCompleted);
    }

    [Theory]
    [InlineData("5184000")]
    [InlineData("1e30")]
    public async Task Update_ResetPastAnHour_IsIgnoredAndNobodyWaits(string reset)
    {
        var sut = new RateBudget(_time);

        sut.Update(Headers(remaining: "0", reset: reset));
        var lease = sut.AcquireAsync(NoDeadline, TestContext.Current.CancellationToken);

        Assert.True(lease.IsCompletedSuccessfully);
        (await lease).Dispose();
        Assert.Null(sut.Remaining);
    }

    [Fact]
    public async Task AcquireAsync_LeaseReleased_FreesItsPlace()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "1.0", reset: "10"));

        var lease = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        var next = sut.AcquireAsync(NoDeadline, CancellationToken.None);
        Assert.False(next.IsCompleted);
        lease.Dispose();
        sut.Update(Headers(remaining: "1.0", reset: "10")); // the answer said one is still left
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));

        // The waiter re-checks at the reset at the latest; with one left and none in flight it may go.
        _time.Advance(TimeSpan.FromSeconds(10));
        (await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_Canceled_StopsWaiting()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "0.0", reset: "600"));
        using var cts = new CancellationTokenSource();

        var waiting = sut.AcquireAsync(NoDeadline, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AcquireAsync_BudgetSpentAndTheResetPastTheDeadline_ThrowsAtOnceNamingTheWait()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "0.0", reset: "41"));

        var acquiring = sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(40), CancellationToken.None);

        // Failed before any time passed, without a timer: nothing waits for a reset that comes too late.
        Assert.True(acquiring.IsFaulted);
        var spent = await Assert.ThrowsAsync<RateBudgetSpentException>(() => acquiring);
        Assert.Equal(TimeSpan.FromSeconds(41), spent.ResetsIn);
        Assert.Null(sut.WaitingUntil);
        Assert.Equal(0, _time.TimersCreated);
    }

    [Fact]
    public async Task AcquireAsync_LastOneLeftTakenByARequestInFlightAndTheResetPastTheDeadline_ThrowsAtOnce()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "1.0", reset: "600"));
        using var inFlight = await sut.AcquireAsync(NoDeadline, CancellationToken.None);

        var acquiring = sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(300), CancellationToken.None);

        var spent = await Assert.ThrowsAsync<RateBudgetSpentException>(() => acquiring.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(TimeSpan.FromSeconds(600), spent.ResetsIn);
    }

    [Fact]
    public async Task AcquireAsync_BudgetSpentAndTheResetAtTheDeadline_WaitsForIt()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "0.0", reset: "41"));

        var acquiring = sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(41), CancellationToken.None);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(41));
        Assert.False(acquiring.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(41));
        (await acquiring.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_ResetPastAnHourIgnored_GoesWhateverTheDeadline()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "0", reset: "5184000"));

        (await sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken)).Dispose();
    }

    [Theory]
    [InlineData("abc", "10")]
    [InlineData("5.0", "")]
    [InlineData("-1", "10")]
    [InlineData("NaN", "10")]
    public async Task Update_HeadersMissingOrMalformed_AreIgnored(string remaining, string reset)
    {
        var sut = new RateBudget(_time);

        sut.Update(Headers(remaining, reset));

        Assert.Null(sut.Remaining);
        (await sut.AcquireAsync(NoDeadline, CancellationToken.None)).Dispose();
    }

    [Fact]
    public async Task Seed_AnEarlierRunSpentTheBudgetAndTheResetComesBeforeTheDeadline_TheFirstRequestWaitsForIt()
    {
        var sut = new RateBudget(_time);
        sut.Seed(Saved(remaining: 0, resetIn: 41));

        var acquiring = sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(60), CancellationToken.None);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(41));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(41), sut.WaitingUntil);
        _time.Advance(TimeSpan.FromSeconds(40.999));
        Assert.False(acquiring.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await acquiring.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
        Assert.Null(sut.Remaining); // the new window's budget is learned from its first answer
    }

    [Fact]
    public async Task Seed_AnEarlierRunSpentTheBudgetAndTheResetComesAfterTheDeadline_TheFirstRequestFailsAtOnce()
    {
        var sut = new RateBudget(_time);
        sut.Seed(Saved(remaining: 0.0, resetIn: 41));

        var acquiring = sut.AcquireAsync(_time.GetUtcNow() + TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.True(acquiring.IsFaulted);
        var spent = await Assert.ThrowsAsync<RateBudgetSpentException>(() => acquiring);
        Assert.Equal(TimeSpan.FromSeconds(41), spent.ResetsIn);
        Assert.Equal(0, _time.TimersCreated);
    }

    [Fact]
    public async Task Seed_AnEarlierRunLeftTwo_TwoGoAtOnceAndTheThirdWaitsForTheReset()
    {
        var sut = new RateBudget(_time);
        sut.Seed(Saved(remaining: 2, resetIn: 10));

        using var first = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        using var second = await sut.AcquireAsync(NoDeadline, CancellationToken.None);
        var third = sut.AcquireAsync(NoDeadline, CancellationToken.None);

        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));
        (await third.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Seed_ResetPassed_LeavesTheBudgetUnknown()
    {
        var sut = new RateBudget(_time);
        sut.Seed(Saved(remaining: 0, resetIn: 0));

        Assert.Null(sut.Remaining);
        (await sut.AcquireAsync(NoDeadline, CancellationToken.None)).Dispose();
    }

    [Fact]
    public void Seed_AfterAnAnswerOfThisRun_IsIgnored()
    {
        var sut = new RateBudget(_time);
        sut.Update(Headers(remaining: "9.0", reset: "10"));

        sut.Seed(Saved(remaining: 0, resetIn: 10));

        Assert.Equal(9, sut.Remaining);
    }

    [Fact]
    public void Learned_OnlyWhatAnAnswerOfThisRunSaid_UntilItsWindowResets()
    {
        var sut = new RateBudget(_time);
        sut.Seed(Saved(remaining: 5, resetIn: 60));
        Assert.Null(sut.Learned); // a seed is the earlier run's, not learned again

        _time.Advance(TimeSpan.FromSeconds(1));
        sut.Update(Headers(remaining: "4.0", reset: "30"));
        Assert.Equal(new SavedBudget("", 4, _time.GetUtcNow() + TimeSpan.FromSeconds(30), _time.GetUtcNow()), sut.Learned);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(sut.Learned);
    }

    private SavedBudget Saved(double remaining, int resetIn) =>
        new("anonymous\nhttps://www.reddit.com/", remaining, _time.GetUtcNow() + TimeSpan.FromSeconds(resetIn), _time.GetUtcNow() - TimeSpan.FromSeconds(3));

    private static System.Net.Http.Headers.HttpResponseHeaders Headers(string remaining, string reset)
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Used", "1");
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Remaining", remaining);
        response.Headers.TryAddWithoutValidation("X-Ratelimit-Reset", reset);
        return response.Headers;
    }
}

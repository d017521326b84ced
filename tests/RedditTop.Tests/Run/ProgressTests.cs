using Microsoft.Extensions.Time.Testing;
using RedditTop.Run;

namespace RedditTop.Tests.Run;

/// <summary>The counts of a round and the live status line made from them.</summary>
public sealed class ProgressTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));

    [Fact]
    public void StatusLine_SomeDoneOneFailed_CountsBoth()
    {
        var sut = new Progress(5, _time);
        sut.Print();
        sut.Print();
        sut.Fail();

        Assert.Equal("reddittop: 3/5 subreddits, 1 failed", sut.StatusLine(budgetWait: null));
    }

    [Fact]
    public void StatusLine_WaitingForTheBudget_SaysHowLongRoundedUp()
    {
        var sut = new Progress(2, _time);

        Assert.Equal("reddittop: 0/2 subreddits, 0 failed, waiting 12 s for the rate budget", sut.StatusLine(_time.GetUtcNow().AddSeconds(11.2)));
        Assert.Equal("reddittop: 0/2 subreddits, 0 failed", sut.StatusLine(_time.GetUtcNow().AddSeconds(-1)));
    }

    [Fact]
    public async Task StatusLine_BetweenRounds_SaysWhenTheNextStartsInLocalTime()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        var sut = new Progress(1, _time);
        sut.Print();
        using var diagnostics = new Diagnostics(TextWriter.Null, _time, status: null);

        var wait = sut.WaitForNextRoundAsync(_time.GetUtcNow().AddSeconds(5), diagnostics, CancellationToken.None);

        Assert.Equal("reddittop: 1/1 subreddits, 0 failed, next round at 08:12:05", sut.StatusLine(null));
        _time.Advance(TimeSpan.FromSeconds(5));
        await wait;
        Assert.Equal("reddittop: 1/1 subreddits, 0 failed", sut.StatusLine(null));
    }

    [Fact]
    public void StartRound_AfterARound_CountsFromZero()
    {
        var sut = new Progress(2, _time);
        sut.Print();
        sut.Fail();

        sut.StartRound();

        Assert.Equal((0, 0), (sut.Printed, sut.Failed));
    }
}

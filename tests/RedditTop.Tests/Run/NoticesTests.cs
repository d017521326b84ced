using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests.Run;

public sealed class NoticesTests
{
    private static readonly DateTimeOffset FetchedAt = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(42.9, "42")]
    [InlineData(0, "0")]
    [InlineData(-3, "0")] // another machine's clock, a little ahead: never a negative age
    [InlineData(86_399.5, "86399")]
    public void FromCopy_Age_IsWholeSecondsAgo(double seconds, string said)
    {
        var time = new FakeTimeProvider(FetchedAt.AddSeconds(seconds));

        var line = Notices.FromCopy(new SubredditQuery("Python", 3), FetchedAt, time);

        Assert.Equal($"reddittop: r/Python: from the local copy, fetched {said} s ago", line);
    }
}

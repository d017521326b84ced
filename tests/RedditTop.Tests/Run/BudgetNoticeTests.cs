using RedditTop.Reddit.Http;
using RedditTop.Run;

namespace RedditTop.Tests.Run;

/// <summary>The <c>--verbose</c> line that says where a run's rate budget came from.</summary>
public sealed class BudgetNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Now + TimeSpan.FromSeconds(60);

    [Fact]
    public void Budget_NoEarlierRun_IsUnknown() =>
        Assert.Equal("reddittop: rate budget: unknown", Notices.Budget(null, Now, Deadline));

    [Fact]
    public void Budget_FromARunSecondsAgo_SaysWhatIsLeftWhenItResetsAndWhence() =>
        Assert.Equal(
            "reddittop: rate budget: 37 left, resets in 412 s (from a run 12 s ago)",
            Notices.Budget(Saved(37.0, resetIn: 411.2, learnedAgo: 12), Now, Deadline));

    [Fact]
    public void Budget_WindowResetSince_IsUnknownSayingSo() =>
        Assert.Equal(
            "reddittop: rate budget: unknown (the window of a run 700 s ago has reset)",
            Notices.Budget(Saved(0, resetIn: -100, learnedAgo: 700), Now, Deadline));

    [Fact]
    public void Budget_SpentAndTheResetBeforeTheDeadline_SaysRequestsWait() =>
        Assert.Equal(
            "reddittop: rate budget: 0 left, resets in 41 s (from a run 3 s ago); requests wait for the reset",
            Notices.Budget(Saved(0, resetIn: 41, learnedAgo: 3), Now, Deadline));

    [Fact]
    public void Budget_SpentAndTheResetAfterTheDeadline_SaysNothingIsSent() =>
        Assert.Equal(
            "reddittop: rate budget: 0 left, resets in 541 s (from a run 3 s ago); it resets after the deadline: nothing is sent",
            Notices.Budget(Saved(0.4, resetIn: 541, learnedAgo: 3), Now, Deadline));

    private static SavedBudget Saved(double remaining, double resetIn, double learnedAgo) =>
        new("anonymous\nhttps://www.reddit.com/", remaining, Now + TimeSpan.FromSeconds(resetIn), Now - TimeSpan.FromSeconds(learnedAgo));
}

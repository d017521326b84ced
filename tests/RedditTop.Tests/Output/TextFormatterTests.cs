using Microsoft.Extensions.Time.Testing;
using RedditTop.Output;
using RedditTop.Reddit.Listings;
using RedditTop.Tests.TestData;

namespace RedditTop.Tests.Output;

public sealed class TextFormatterTests
{
    [Fact]
    public void FormatHeader_KnownTime_UsesTutorialLayoutInInvariantCulture()
    {
        var now = new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

        var header = TextFormatter.FormatHeader(now);

        Assert.Equal("Friday, November 27, 06:12 AM\n---------------------------\n", header);
    }

    [Fact]
    public void FormatHeader_Afternoon_UsesTwelveHourClockWithPm() =>
        Assert.StartsWith("Sunday, March 01, 01:05 PM\n", TextFormatter.FormatHeader(new DateTimeOffset(2026, 3, 1, 13, 5, 0, TimeSpan.Zero)), StringComparison.Ordinal);

    [Fact]
    public void FormatBlock_RecordedListing_MatchesExpectedFileByteForByte()
    {
        var posts = TestFiles.ReadPosts("listing_top.json").Take(3).ToList();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);

        var text = TextFormatter.FormatHeader(time.GetLocalNow()) + TextFormatter.FormatBlock("AskReddit", posts);

        var expected = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Output", "Expected", "askreddit_top3.txt"));
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void FormatBlock_TitleWithNewlineAndTab_KeepsEachPostOnTwoLines()
    {
        var post = new Post("line one\nline two\ttabbed", 7, "https://example.com/");

        var block = TextFormatter.FormatBlock("x", [post]);

        Assert.Equal("\n/r/x:\n\t7: line one line two tabbed\n\t\t(https://example.com/)\n", block);
    }

    [Fact]
    public void FormatBlock_EmojiAndAccents_AreKeptAsIs()
    {
        var post = new Post("Café ☕ naïve 🐍", 1, "https://example.com/é");

        var block = TextFormatter.FormatBlock("x", [post]);

        Assert.Contains("\t1: Café ☕ naïve 🐍\n\t\t(https://example.com/é)\n", block, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatBlock_NoPosts_SaysSo() =>
        Assert.Equal("\n/r/empty:\n\t(no posts)\n", TextFormatter.FormatBlock("empty", []));
}

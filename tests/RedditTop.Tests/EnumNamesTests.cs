using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests;

public sealed class EnumNamesTests
{
    [Fact]
    public void Of_EveryChoice_ListsTheLowerCaseNamesInDeclarationOrder()
    {
        Assert.Equal(["top", "hot", "new", "rising", "controversial", "best"], EnumNames.Of<ListingSort>());
        Assert.Equal(["hour", "day", "week", "month", "year", "all"], EnumNames.Of<TimeWindow>());
        Assert.Equal(["text", "json", "jsonl", "csv", "tsv", "markdown"], EnumNames.Of<OutputFormat>());
        Assert.Equal(["arrival", "input"], EnumNames.Of<OutputOrder>());
        Assert.Equal(["auto", "always", "never"], EnumNames.Of<ColorMode>());
        Assert.Equal(["bash", "zsh", "fish"], EnumNames.Of<CompletionShell>());
    }

    [Fact]
    public void ToName_EveryMember_RoundTripsThroughTryParse()
    {
        AssertRoundTrips<ListingSort>();
        AssertRoundTrips<TimeWindow>();
        AssertRoundTrips<OutputFormat>();
        AssertRoundTrips<OutputOrder>();
        AssertRoundTrips<ColorMode>();
        AssertRoundTrips<CompletionShell>();
    }

    [Theory]
    [InlineData("TOP")]
    [InlineData("Top")]
    [InlineData("tOp")]
    public void TryParse_AnyCase_FindsTheMember(string text)
    {
        Assert.True(EnumNames.TryParse<ListingSort>(text, out var sort));
        Assert.Equal(ListingSort.Top, sort);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData(" top")]
    [InlineData("0")]
    [InlineData("Top,Hot")]
    public void TryParse_NotAName_IsFalse(string text) =>
        Assert.False(EnumNames.TryParse<ListingSort>(text, out _));

    [Fact]
    public void ToName_NotAMember_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ListingSort)99).ToName());

    [Fact]
    public void ToName_WireValues_AreRedditsSpelling()
    {
        Assert.Equal("top", RedditClientOptions.DefaultSort.ToName());
        Assert.Equal("day", RedditClientOptions.DefaultTime.ToName());
    }

    private static void AssertRoundTrips<T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            Assert.True(EnumNames.TryParse<T>(value.ToName(), out var parsed));
            Assert.Equal(value, parsed);
        }
    }
}

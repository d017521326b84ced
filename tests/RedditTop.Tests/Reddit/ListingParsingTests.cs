using System.Text.Json;
using RedditTop.Reddit.Json;
using RedditTop.Tests.TestData;

namespace RedditTop.Tests.Reddit;

/// <summary>The source-generated model reads real recorded Reddit listings.</summary>
public sealed class ListingParsingTests
{
    [Fact]
    public void Deserialize_RecordedTopListing_ReadsEveryModelField()
    {
        var listing = JsonSerializer.Deserialize(TestFiles.Read("listing_top.json"), RedditJsonContext.Default.Listing)!;

        Assert.Equal("Listing", listing.Kind);
        Assert.Equal("t3_3i6z8w", listing.Data.After);
        Assert.Equal(100, listing.Data.Children.Count);
        Assert.All(listing.Data.Children, c => Assert.Equal("t3", c.Kind));
        Assert.Equal(6, listing.Data.Children.Count(c => c.Data.Over18));

        var first = listing.Data.Children[0].Data;
        Assert.Equal("2np694", first.Id);
        Assert.Equal(38445, first.Score);
        Assert.Equal("What tasty food would be distusting if eaten over rice?", first.Title);
        Assert.Equal("DO_U_EVN_SPAGHETTI", first.Author);
        Assert.Equal(7804, first.NumComments);
        Assert.Equal("AskReddit", first.Subreddit);
        Assert.Equal(1417208878.0, first.CreatedUtc);
        Assert.StartsWith("/r/AskReddit/comments/2np694/", first.Permalink, StringComparison.Ordinal);
        Assert.StartsWith("https://www.reddit.com/r/AskReddit/comments/2np694/", first.Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_RecordedHotListing_ReadsStickiedPosts()
    {
        var listing = JsonSerializer.Deserialize(TestFiles.Read("listing_hot_stickied.json"), RedditJsonContext.Default.Listing)!;

        Assert.Equal(102, listing.Data.Children.Count);
        Assert.Equal(2, listing.Data.Children.Count(c => c.Data.Stickied));
    }

    [Theory]
    [InlineData("listing_top_no_raw_json.json", 25)]
    [InlineData("listing_sub_no_raw_json_amp.json", 25)]
    public void Deserialize_RecordedLegacyListing_Parses(string file, int expectedCount)
    {
        var listing = JsonSerializer.Deserialize(TestFiles.Read(file), RedditJsonContext.Default.Listing)!;

        Assert.Equal(expectedCount, listing.Data.Children.Count);
    }

    [Fact]
    public void Deserialize_ListingWithoutData_Throws() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"kind": "Listing"}""", RedditJsonContext.Default.Listing));
}

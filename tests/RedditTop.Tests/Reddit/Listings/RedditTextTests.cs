using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Reddit.Listings;

public sealed class RedditTextTests
{
    [Theory]
    [InlineData("Q&amp;A", "Q&A")]
    [InlineData("&lt;------- TIL", "<------- TIL")]
    [InlineData("a &gt; b", "a > b")]
    [InlineData("&amp;lt; stays an entity once", "&lt; stays an entity once")]
    [InlineData("no entities", "no entities")]
    public void Decode_EscapedText_ReturnsRawText(string escaped, string expected) =>
        Assert.Equal(expected, RedditText.Decode(escaped));

    [Fact]
    public void DecodeIfEscaped_EscapedListing_DecodesTitlesAndUrls()
    {
        var posts = new[]
        {
            CreatePost("Hurricanes @ Red Wings &amp; Wild @ Kings", "https://example.com/?a=1&amp;b=2"),
            CreatePost("plain title", "https://example.com/"),
        };

        var decoded = RedditText.DecodeIfEscaped(posts);

        Assert.Equal("Hurricanes @ Red Wings & Wild @ Kings", decoded[0].Title);
        Assert.Equal("https://example.com/?a=1&b=2", decoded[0].Url);
    }

    [Fact]
    public void DecodeIfEscaped_RawListing_LeavesLiteralEntitiesAlone()
    {
        // A raw listing (bare '&' in one title) whose other title really reads "&amp;".
        var posts = new[]
        {
            CreatePost("Q&A thread", "https://example.com/"),
            CreatePost("How do I write &amp; in HTML?", "https://example.com/"),
        };

        var decoded = RedditText.DecodeIfEscaped(posts);

        Assert.Equal("How do I write &amp; in HTML?", decoded[1].Title);
    }

    private static Post CreatePost(string title, string url) =>
        new(title, 1, url);
}

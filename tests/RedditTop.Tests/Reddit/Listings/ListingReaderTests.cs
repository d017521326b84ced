using System.Text.Json;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;
using RedditTop.Tests.TestData;

namespace RedditTop.Tests.Reddit.Listings;

/// <summary>The source-generated model and <see cref="ListingReader"/> read real recorded listings, and judge broken ones.</summary>
public sealed class ListingReaderTests
{
    [Fact]
    public void TryGetPosts_RecordedTopListing_ReadsEveryModelField()
    {
        var listing = JsonSerializer.Deserialize(TestFiles.Read("listing_top.json"), RedditJsonContext.Default.Listing);

        Assert.True(ListingReader.TryGetPosts(listing, out var posts, out _));

        Assert.Equal("t3_3i6z8w", listing!.Data!.After);
        Assert.Equal(100, posts.Count);
        Assert.Equal(6, posts.Count(p => p.Over18));
        var first = posts[0];
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
    public void TryGetPosts_RecordedHotListing_ReadsStickiedPosts()
    {
        var posts = TestFiles.ReadPosts("listing_hot_stickied.json");

        Assert.Equal(102, posts.Count);
        Assert.Equal(2, posts.Count(p => p.Stickied));
    }

    [Theory]
    [InlineData("listing_top_no_raw_json.json", 25)]
    [InlineData("listing_sub_no_raw_json_amp.json", 25)]
    public void TryGetPosts_RecordedLegacyListing_ReadsEveryPost(string file, int expectedCount) =>
        Assert.Equal(expectedCount, TestFiles.ReadPosts(file).Count);

    [Fact]
    public void TryGetPosts_PostWithOnlyTitleScoreAndUrl_IsKeptWithoutTheOptionalFields()
    {
        var listing = Parse("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "t", "score": 3, "url": "https://example.com/"}}]}}""");

        Assert.True(ListingReader.TryGetPosts(listing, out var posts, out _));

        var post = Assert.Single(posts);
        Assert.Equal(("t", 3, "https://example.com/"), (post.Title, post.Score, post.Url));
        Assert.Null(post.Id);
        Assert.Null(post.Permalink);
        Assert.Null(post.CreatedUtc);
        Assert.False(post.Over18);
    }

    [Fact]
    public void TryGetPosts_ChildrenThatAreNotPosts_AreSkipped()
    {
        var listing = Parse("""
            {"kind": "Listing", "data": {"children": [
              null,
              {"kind": "t1", "data": {"body": "a comment"}},
              {"kind": "t3", "data": null},
              {"kind": "t3", "data": {"title": "kept", "score": 1, "url": "https://example.com/"}}
            ]}}
            """);

        Assert.True(ListingReader.TryGetPosts(listing, out var posts, out _));

        Assert.Equal("kept", Assert.Single(posts).Title);
    }

    [Theory]
    [InlineData("null", "not a listing")]
    [InlineData("""{"data": {"children": []}}""", "not a listing")]
    [InlineData("""{"kind": "t5", "data": {"display_name": "python"}}""", "not a listing (kind 't5')")]
    [InlineData("""{"kind": "Listing"}""", "listing has no data")]
    [InlineData("""{"kind": "Listing", "data": null}""", "listing has no data")]
    [InlineData("""{"kind": "Listing", "data": {"after": null}}""", "listing has no children")]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"score": 1, "url": "u"}}]}}""", "post 1 has no title")]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "a", "score": 1, "url": "u"}}, {"kind": "t3", "data": {"title": "b", "score": null, "url": "u"}}]}}""", "post 2 has no score")]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "a", "score": 1}}]}}""", "post 1 has no URL")]
    public void TryGetPosts_UnusablePage_SaysWhyInTheUsersTerms(string json, string expected)
    {
        Assert.False(ListingReader.TryGetPosts(Parse(json), out _, out var problem));

        Assert.Equal(expected, problem);
    }

    private static Listing? Parse(string json) => JsonSerializer.Deserialize(json, RedditJsonContext.Default.Listing);
}

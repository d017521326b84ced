using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit;

/// <summary>Counts above 100: the client follows the listing's <c>after</c> cursor, one page after another.</summary>
public sealed class PaginationTests : IDisposable
{
    private const string Url = "https://reddit.test/r/python/top.json";

    private readonly MockHttpMessageHandler _mock = new();

    public void Dispose() => _mock.Dispose();

    [Fact]
    public async Task GetPostsAsync_ThreePagesWithADuplicateAcrossPages_FollowsTheCursorAndKeepsEachPostOnce()
    {
        // Page 2 repeats the last post of page 1 (a post that moved up while paging), so page 3 must make up for it.
        var first = _mock.Expect(Url).WithExactQueryString("t=day&limit=100&raw_json=1").Respond("application/json", Page(1, 100, after: "t3_p100"));
        var second = _mock.Expect(Url).WithExactQueryString("t=day&limit=100&raw_json=1&after=t3_p100").Respond("application/json", Page(100, 199, after: "t3_p199"));
        var third = _mock.Expect(Url).WithExactQueryString("t=day&limit=51&raw_json=1&after=t3_p199").Respond("application/json", Page(200, 250, after: "t3_p250"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 250), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        var ids = result.Posts!.Select(p => p.Id).ToList();
        Assert.Equal(250, ids.Count);
        Assert.Equal(Enumerable.Range(1, 250).Select(Id), ids);
    }

    [Fact]
    public async Task GetPostsAsync_ListingEndsWithoutCursor_StopsWithWhatThereIs()
    {
        var page = _mock.When(Url).Respond("application/json", Page(1, 100, after: null));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 300), CancellationToken.None);

        Assert.Equal(1, _mock.GetMatchCount(page));
        Assert.Equal(100, result.Posts!.Count);
    }

    [Fact]
    public async Task GetPostsAsync_ShortPageWithACursor_StopsThere()
    {
        var first = _mock.Expect(Url).WithQueryString("limit", "100").Respond("application/json", Page(1, 100, after: "t3_p100"));
        var second = _mock.Expect(Url).WithQueryString("after", "t3_p100").Respond("application/json", Page(101, 130, after: "t3_p130"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 500), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.Equal(130, result.Posts!.Count);
    }

    [Fact]
    public async Task GetPostsAsync_SecondPageFails_FailsTheSubredditWithThatPagesReason()
    {
        _mock.Expect(Url).WithQueryString("limit", "100").Respond("application/json", Page(1, 100, after: "t3_p100"));
        _mock.Expect(Url).WithQueryString("after", "t3_p100").Respond(System.Net.HttpStatusCode.Forbidden, "application/json", """{"reason": "private"}""");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 200), CancellationToken.None);

        Assert.Null(result.Posts);
        Assert.Equal("private subreddit (HTTP 403)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_EmptyListing_IsASuccessWithNoPosts()
    {
        _mock.When(Url).Respond("application/json", """{"kind": "Listing", "data": {"after": null, "children": []}}""");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 10), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Empty(result.Posts!);
    }

    [Theory]
    [InlineData("top", "r/python/top.json?t=week&limit=5&raw_json=1")]
    [InlineData("controversial", "r/python/controversial.json?t=week&limit=5&raw_json=1")]
    [InlineData("hot", "r/python/hot.json?limit=5&raw_json=1")]
    [InlineData("new", "r/python/new.json?limit=5&raw_json=1")]
    [InlineData("rising", "r/python/rising.json?limit=5&raw_json=1")]
    [InlineData("best", "r/python/best.json?limit=5&raw_json=1")]
    public void ListingPath_Sort_SendsTheTimeWindowOnlyWhereItApplies(string sort, string expected) =>
        Assert.Equal(expected, RedditClient.ListingPath(new SubredditQuery("python", 5), new RedditClientOptions { Sort = Enum.Parse<ListingSort>(sort, ignoreCase: true), Time = TimeWindow.Week }, 5));

    private RedditClient CreateSut() =>
        RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = 0 }, new FakeTimeProvider(), network: _mock);

    private static string Id(int n) => "p" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A listing page holding posts <paramref name="from"/> to <paramref name="to"/> (ids <c>p1</c>, <c>p2</c>, ...).</summary>
    private static string Page(int from, int to, string? after)
    {
        var children = new JsonArray();
        for (var n = from; n <= to; n++)
        {
            children.Add(new JsonObject
            {
                ["kind"] = "t3",
                ["data"] = new JsonObject { ["id"] = Id(n), ["name"] = "t3_" + Id(n), ["title"] = "post " + Id(n), ["score"] = 1000 - n, ["url"] = "https://example.com/" + Id(n) },
            });
        }

        return new JsonObject { ["kind"] = "Listing", ["data"] = new JsonObject { ["after"] = after, ["children"] = children } }.ToJsonString();
    }
}

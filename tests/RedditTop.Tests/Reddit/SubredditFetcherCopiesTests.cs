using System.Net;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit;

/// <summary>The fetcher with <c>--max-age</c>: a fresh copy instead of a request, a stale one never, and what is kept.</summary>
public sealed class SubredditFetcherCopiesTests : IDisposable
{
    private static readonly Uri BaseUrl = new("https://reddit.test/");

    private static readonly RedditClientOptions Options = new() { MaxAge = TimeSpan.FromSeconds(60), Retries = 0 };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-fetcher-copies-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
    private readonly MockHttpMessageHandler _mock = new();
    private readonly MockedRequest _listing;
    private readonly MockedRequest _gone;

    public SubredditFetcherCopiesTests()
    {
        _gone = _mock.When("*/r/gone/*").Respond(HttpStatusCode.NotFound, "application/json", TestFiles.Read("error_404_not_found.json"));
        _listing = _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
    }

    public void Dispose()
    {
        _mock.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task FetchAllAsync_AgainWithinMaxAge_SendsNothingAndGivesTheSamePostsFromTheCopy()
    {
        var first = await FetchAsync(new SubredditQuery("askreddit", 2));
        _time.Advance(TimeSpan.FromSeconds(59));

        var second = await FetchAsync(new SubredditQuery("askreddit", 2));

        Assert.Equal(1, _mock.GetMatchCount(_listing));
        Assert.False(first.Cached);
        Assert.Equal(_time.Start, first.FetchedAt);
        Assert.True(second.Cached);
        Assert.Equal(first.FetchedAt, second.FetchedAt);
        Assert.Equal(first.Posts, second.Posts);
    }

    [Fact]
    public async Task FetchAllAsync_AgainAfterMaxAge_AsksAgainAndKeepsTheNewAnswer()
    {
        await FetchAsync(new SubredditQuery("askreddit", 2));
        _time.Advance(TimeSpan.FromSeconds(60));

        var second = await FetchAsync(new SubredditQuery("askreddit", 2));
        _time.Advance(TimeSpan.FromSeconds(30));
        var third = await FetchAsync(new SubredditQuery("askreddit", 2));

        Assert.Equal(2, _mock.GetMatchCount(_listing));
        Assert.False(second.Cached);
        Assert.Equal(_time.Start + TimeSpan.FromSeconds(60), second.FetchedAt);
        Assert.True(third.Cached);
        Assert.Equal(second.FetchedAt, third.FetchedAt);
    }

    [Fact]
    public async Task FetchAllAsync_RequestFailsWhileAnOlderCopyExists_FailsAndKeepsNoFailure()
    {
        var copies = new ListingCopies(_folder.FullName, BaseUrl, Options, _time);
        var gone = new SubredditQuery("gone", 2);
        copies.Save(SubredditResult.Success(gone, [new("old", 1, "https://example.com/")], _time.GetUtcNow()));
        var saved = File.ReadAllBytes(copies.PathFor(gone));
        _time.Advance(TimeSpan.FromSeconds(61));

        var result = await FetchAsync(gone);

        Assert.Null(result.Posts);
        Assert.False(result.Cached);
        Assert.Equal("not found (HTTP 404)", result.Error);
        Assert.Equal(1, _mock.GetMatchCount(_gone));
        Assert.Equal(saved, File.ReadAllBytes(copies.PathFor(gone)));
    }

    [Fact]
    public async Task FetchAllAsync_SomeFreshSomeNot_AsksOnlyForTheOthers()
    {
        await FetchAsync(new SubredditQuery("askreddit", 2));

        using var client = CreateClient();
        var results = await SubredditFetcher.FetchAllAsync(client, [new("askreddit", 2), new("askreddit", 1), new("gone", 1)], TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([("askreddit", 2, true), ("askreddit", 1, false), ("gone", 1, false)], results.Select(r => (r.Query.Name, r.Query.Count, r.Cached)).OrderBy(static r => r.Name).ThenByDescending(static r => r.Count));
        Assert.Equal(2, _mock.GetMatchCount(_listing));
    }

    private async Task<SubredditResult> FetchAsync(SubredditQuery query)
    {
        using var client = CreateClient();
        return Assert.Single(await SubredditFetcher.FetchAllAsync(client, [query], TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    private RedditClient CreateClient() =>
        RedditClient.Create(BaseUrl, Options, _time, network: _mock, copies: new ListingCopies(_folder.FullName, BaseUrl, Options, _time));
}

using System.Net;
using System.Net.Http.Headers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Properties;

/// <summary>
/// The way a response body becomes posts, driven as a request does it: <see cref="RedditClient"/> on a mocked network,
/// reading a 200 <c>application/json</c> body (<see cref="Listings"/>). Whatever the body, the result is posts or the
/// client's own parse failure (invalid JSON, or JSON that is not a usable listing) with a one-line reason; never an
/// exception, and never the <see cref="FailureKind.Unexpected"/> that stands for a bug. A valid listing gives back its posts.
/// </summary>
public sealed class ListingParsingProperties
{
    private static readonly FailureKind[] ParseFailures = [FailureKind.InvalidJson, FailureKind.InvalidResponse];

    [Property(MaxTest = 200)]
    public Property GetPostsAsync_ArbitraryBytes_GivesPostsOrAParseFailure() =>
        Prop.ForAll(Gen.Frequency((1, Listings.RandomBytes), (2, Listings.TokenSoup)).ToArbitrary(), AssertPostsOrParseFailureAsync);

    [Property(MaxTest = 200)]
    public Property GetPostsAsync_MutatedListing_GivesPostsOrAParseFailure() =>
        Prop.ForAll(Listings.Mutated.ToArbitrary(), AssertPostsOrParseFailureAsync);

    [Property(MaxTest = 200)]
    public Property GetPostsAsync_ValidListing_GivesBackEveryPostInOrder() =>
        Prop.ForAll(Listings.Valid.ToArbitrary(), AssertRoundTripAsync);

    private static async Task AssertPostsOrParseFailureAsync(byte[] body)
    {
        var result = await FetchAsync(body);

        Assert.True((result.Posts is null) != (result.Failure is null), "either posts or a failure");
        if (result.Failure is { } failure)
        {
            // A body that starts as HTML does is a web page, whatever type it came under; anything else is a parse failure.
            if (body is [(byte)'<', ..])
            {
                Assert.Equal(FailureKind.WebPage, failure.Kind);
            }
            else
            {
                Assert.Contains(failure.Kind, ParseFailures);
            }
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
            Assert.DoesNotContain(result.Error, char.IsControl);
        }
    }

    private static async Task AssertRoundTripAsync(ListingCase listing)
    {
        var result = await FetchAsync(listing.Body);

        Assert.Null(result.Error);
        Assert.Equal(listing.Expected, result.Posts!);
    }

    /// <summary>One subreddit of up to 100 posts, fetched from a server that answers every request with <paramref name="body"/>.</summary>
    private static async Task<SubredditResult> FetchAsync(byte[] body)
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = 0 }, time, network: mock);

        return await sut.GetPostsAsync(new SubredditQuery("test", SubredditQuery.MaxPerRequest), CancellationToken.None);
    }
}

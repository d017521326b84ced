using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Reddit.Failures;

/// <summary>The one classifier: an answer or an exception becomes a <see cref="FetchFailure"/>, for listings and the token endpoint alike.</summary>
public sealed class FailureClassifierTests
{
    private static readonly BodyLimits Limits = new(TimeSpan.FromSeconds(10), 16 << 20);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"reason": "banned"}""", "Listing", "Banned")]
    [InlineData(HttpStatusCode.NotFound, null, "Listing", "NotFound")]
    [InlineData(HttpStatusCode.Forbidden, """{"reason": "private"}""", "Listing", "Private")]
    [InlineData(HttpStatusCode.Forbidden, """{"reason": "quarantined"}""", "AnonymousListing", "Quarantined")]
    [InlineData(HttpStatusCode.Forbidden, """{"reason": "gold_only"}""", "Listing", "GoldOnly")]
    [InlineData(HttpStatusCode.Forbidden, null, "AnonymousListing", "Blocked")]
    [InlineData(HttpStatusCode.Forbidden, null, "Listing", "Forbidden")]
    [InlineData(HttpStatusCode.Unauthorized, null, "Listing", "Unauthorized")]
    [InlineData(HttpStatusCode.Unauthorized, null, "Token", "CredentialsRefused")]
    [InlineData(HttpStatusCode.TooManyRequests, null, "Token", "RateLimited")]
    [InlineData(HttpStatusCode.BadGateway, null, "Token", "ServerError")]
    [InlineData(HttpStatusCode.Conflict, null, "Listing", "HttpError")]
    public async Task FromResponseAsync_Status_GivesItsKind(HttpStatusCode status, string? body, string asked, string expected)
    {
        using var response = Answer(status, body);

        var failure = await FailureClassifier.FromResponseAsync(response, Enum.Parse<RequestKind>(asked), attempts: 2, Limits, _time, CancellationToken.None);

        Assert.Equal(Enum.Parse<FailureKind>(expected), failure.Kind);
        Assert.Equal((int)status, failure.Status);
        Assert.Equal(2, failure.Attempts);
    }

    [Fact]
    public async Task FromResponseAsync_RedirectToSubredditSearch_IsNotFound()
    {
        using var response = Answer(HttpStatusCode.Found, null);
        response.Headers.Location = new Uri("https://www.reddit.com/subreddits/search.json?q=nosuchsub");

        var failure = await FailureClassifier.FromResponseAsync(response, RequestKind.Listing, 1, Limits, _time, CancellationToken.None);

        Assert.Equal(new FetchFailure(FailureKind.NotFound, 302), failure);
    }

    [Fact]
    public async Task FromResponseAsync_RedirectElsewhere_KeepsTheLocationAsServerText()
    {
        using var response = Answer(HttpStatusCode.MovedPermanently, null);
        response.Headers.Location = new Uri("https://elsewhere.test/\u001b[2J", UriKind.Absolute);

        var failure = await FailureClassifier.FromResponseAsync(response, RequestKind.Listing, 1, Limits, _time, CancellationToken.None);

        Assert.Equal(FailureKind.Redirect, failure.Kind);
        Assert.DoesNotContain("\u001b", failure.Said!.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromResponseAsync_RetryAfterSeconds_IsTheWait()
    {
        using var response = Answer(HttpStatusCode.TooManyRequests, null);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var failure = await FailureClassifier.FromResponseAsync(response, RequestKind.Listing, 1, Limits, _time, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), failure.RetryAfter);
    }

    [Fact]
    public async Task FromResponseAsync_ErrorBodyOverTheCap_IsClassifiedByItsStatusAlone()
    {
        var padding = new string(' ', FailureClassifier.MaxErrorBodyBytes);
        using var response = Answer(HttpStatusCode.Forbidden, $$"""{"reason": "private"{{padding}}}""");

        var failure = await FailureClassifier.FromResponseAsync(response, RequestKind.Listing, 1, Limits, _time, CancellationToken.None);

        Assert.Equal(FailureKind.Forbidden, failure.Kind);
    }

    [Fact]
    public async Task FromResponseAsync_ErrorBodyThatStalls_IsClassifiedByItsStatusOnceTheTimeOutPasses()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StreamContent(new StalledStream()) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var classify = FailureClassifier.FromResponseAsync(response, RequestKind.Listing, 1, Limits, _time, CancellationToken.None);
        while (!classify.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal(FailureKind.Forbidden, (await classify).Kind);
    }

    [Theory]
    [InlineData("text/html", true)]
    [InlineData("application/xhtml+xml", true)]
    [InlineData("application/json", false)]
    public void FromWebPage_ContentType_WebPageOrNone(string mediaType, bool isPage)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html></html>", Encoding.UTF8, mediaType) };

        var failure = FailureClassifier.FromWebPage(response, attempts: 1);

        Assert.Equal(isPage ? new FetchFailure(FailureKind.WebPage, 200) : null, failure);
    }

    [Fact]
    public void FromException_TokenRequestFailed_IsAuthenticationFailedWithItsCause()
    {
        var cause = new FetchFailure(FailureKind.TimedOut, Limit: TimeSpan.FromSeconds(10), Attempts: 4);

        var failure = FailureClassifier.FromException(new TokenRequestException(cause), attempts: 1);

        Assert.Equal(new FetchFailure(FailureKind.AuthenticationFailed, Cause: cause), failure);
    }

    [Fact]
    public void FromException_AttemptTimedOut_NamesItsLimit()
    {
        var failure = FailureClassifier.FromException(new TimeoutRejectedException("late", TimeSpan.FromSeconds(2.5)), attempts: 4);

        Assert.Equal(new FetchFailure(FailureKind.TimedOut, Limit: TimeSpan.FromSeconds(2.5), Attempts: 4), failure);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    public void FromException_RateBudgetSpentPastTheDeadline_IsRateLimitedWithTheWaitAndCountsOnlyAttemptsSent(int attempts, int sent)
    {
        var failure = FailureClassifier.FromException(new RateBudgetSpentException(TimeSpan.FromSeconds(40.2)), attempts);

        Assert.Equal(new FetchFailure(FailureKind.RateLimited, RetryAfter: TimeSpan.FromSeconds(40.2), Attempts: sent), failure);
    }

    [Fact]
    public void FromException_BodyTooLarge_NamesTheCap()
    {
        var failure = FailureClassifier.FromException(new ResponseTooLargeException(16 << 20));

        Assert.Equal(new FetchFailure(FailureKind.TooLarge, Detail: "16 MiB"), failure);
    }

    [Fact]
    public void FromException_BrokenJson_GivesThePositionAndTheReadersWordsAsServerText()
    {
        var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("{\"kind\": \"Listing\", \"data\": {\"children\": [\u001b", global::RedditTop.Reddit.Listings.RedditJsonContext.Default.Listing));

        var failure = FailureClassifier.FromException(e);

        Assert.Equal(FailureKind.InvalidJson, failure.Kind);
        Assert.StartsWith("byte ", failure.Detail, StringComparison.Ordinal);
        Assert.NotNull(failure.Said);
    }

    [Fact]
    public void FromException_ConnectionRefused_IsANetworkFailure()
    {
        var failure = FailureClassifier.FromException(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)"));

        Assert.Equal(new FetchFailure(FailureKind.Network, Detail: "cannot connect (Connection refused (127.0.0.1:9))"), failure);
    }

    [Fact]
    public void FromException_AnythingElse_IsUnexpectedNotThrown()
    {
        var failure = FailureClassifier.FromException(new InvalidOperationException("odd"));

        Assert.Equal(new FetchFailure(FailureKind.Unexpected, Detail: "odd"), failure);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string? json) => new(status)
    {
        Content = json is null ? new StringContent("") : new StringContent(json, Encoding.UTF8, "application/json"),
    };
}

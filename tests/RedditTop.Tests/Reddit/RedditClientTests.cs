using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit;

public sealed class RedditClientTests : IDisposable
{
    private const string BaseUrl = "https://reddit.test";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));

    public void Dispose() => _mock.Dispose();

    [Fact]
    public async Task GetPostsAsync_AnyQuery_RequestsTopJsonWithTimeLimitRawJsonAndUserAgent()
    {
        _mock.Expect(HttpMethod.Get, $"{BaseUrl}/r/python/top.json")
            .WithExactQueryString("t=week&limit=3&raw_json=1")
            .With(r => r.Headers.UserAgent.ToString().Contains(":reddittop:", StringComparison.Ordinal))
            .Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(time: TimeWindow.Week);

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.Null(result.Error);
        Assert.Equal(3, result.Posts!.Count);
    }

    [Fact]
    public void UserAgent_Value_FollowsRedditsPlatformAppVersionFormat() =>
        Assert.Matches(@"^(linux|macos|windows|freebsd|unknown):reddittop:\d+\.\d+\.\d+ \(.+\)$", UserAgent.Value);

    [Fact]
    public async Task GetPostsAsync_BaseUrlWithPath_KeepsThePath()
    {
        _mock.Expect($"{BaseUrl}/proxy/r/python/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = RedditClient.Create(new Uri($"{BaseUrl}/proxy"), new RedditClientOptions { Retries = 0 }, _time, network: _mock);

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.NotNull(result.Posts);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    public async Task GetPostsAsync_CountUpToOnePage_AsksForThatManyInOneRequest(int count)
    {
        var request = _mock.When($"{BaseUrl}/r/askreddit/top.json").WithQueryString("limit", count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("askreddit", count), CancellationToken.None);

        Assert.Equal(1, _mock.GetMatchCount(request));
        Assert.Equal(count, result.Posts!.Count);
    }

    [Fact]
    public async Task GetPostsAsync_ServerSendsMorePostsThanAsked_PrintsOnlyCount()
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_hot_stickied.json"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("askreddit", 100), CancellationToken.None);

        Assert.Equal(100, result.Posts!.Count);
    }

    [Fact]
    public async Task GetPostsAsync_ServerIgnoresRawJson_DecodesEntities()
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_sub_no_raw_json_amp.json"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("reddit_api_test", 25), CancellationToken.None);

        Assert.Contains(result.Posts!, p => p.Title == "10/16 Pre-Games Thread - Hurricanes @ Red Wings & Wild @ Kings");
        Assert.DoesNotContain(result.Posts!, p => p.Title.Contains("&amp;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetPostsAsync_RawListingCutToOnePost_KeepsALiteralEntityInTheTitle()
    {
        // The first title really reads "&amp;"; the second, with a bare '&', shows the page is raw.
        _mock.When("*").Respond("application/json", """
            {"kind": "Listing", "data": {"children": [
              {"kind": "t3", "data": {"id": "a1", "title": "What does &amp; mean in HTML?", "score": 9, "url": "https://example.com/a", "permalink": "/r/html/comments/a1/", "subreddit": "html", "created_utc": 1.7E9}},
              {"kind": "t3", "data": {"id": "a2", "title": "Q&A thread", "score": 5, "url": "https://example.com/b", "permalink": "/r/html/comments/a2/", "subreddit": "html", "created_utc": 1.7E9}}
            ]}}
            """);
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("html", 1), CancellationToken.None);

        Assert.Equal("What does &amp; mean in HTML?", Assert.Single(result.Posts!).Title);
    }

    [Fact]
    public async Task GetPostsAsync_MultiredditName_KeepsThePlusInThePath()
    {
        _mock.Expect($"{BaseUrl}/r/python+rust/top.json").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut();

        await sut.GetPostsAsync(new SubredditQuery("python+rust", 1), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task GetPostsAsync_ServerIgnoresRawJsonWithLessThan_DecodesEntities()
    {
        _mock.When("*").Respond("application/json", TestFiles.Read("listing_top_no_raw_json.json"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("all", 25), CancellationToken.None);

        Assert.Contains(result.Posts!, p => p.Title == "<------- TIL that hitting the upvote arrow gives you reddit gold for free");
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "error_404_not_found.json", "not found (HTTP 404)")]
    [InlineData(HttpStatusCode.Forbidden, "error_403_forbidden.json", "Reddit blocked the anonymous request (HTTP 403)")]
    [InlineData(HttpStatusCode.Forbidden, "error_quarantined_403.json", "Reddit blocked the anonymous request (HTTP 403)")]
    public async Task GetPostsAsync_RecordedErrorResponse_ReturnsReason(HttpStatusCode status, string file, string expected)
    {
        _mock.When("*").Respond(status, "application/json", TestFiles.Read(file));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"message": "Not Found", "error": 404}""", "not found (HTTP 404)")]
    [InlineData(HttpStatusCode.NotFound, """{"reason": "banned", "message": "Not Found", "error": 404}""", "banned (HTTP 404)")]
    [InlineData(HttpStatusCode.Forbidden, """{"reason": "private", "message": "Forbidden", "error": 403}""", "private subreddit (HTTP 403)")]
    [InlineData(HttpStatusCode.Forbidden, """{"reason": "quarantined", "message": "Forbidden", "error": 403}""", "quarantined subreddit (HTTP 403)")]
    [InlineData(HttpStatusCode.Forbidden, """{"message": "Forbidden", "error": 403}""", "Reddit blocked the anonymous request (HTTP 403)")]
    [InlineData(HttpStatusCode.BadGateway, "", "server error (HTTP 502 Bad Gateway)")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "server error (HTTP 503 Service Unavailable)")]
    [InlineData(HttpStatusCode.Unauthorized, """{"error": 401}""", "unauthorized (HTTP 401)")]
    public async Task GetPostsAsync_ErrorStatus_ReturnsReason(HttpStatusCode status, string body, string expected)
    {
        _mock.When("*").Respond(status, "application/json", body);
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Null(result.Posts);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_TooManyRequests_ReturnsRateLimitedWithRetryAfter()
    {
        _mock.When("*").Respond(_ => Response(
            HttpStatusCode.TooManyRequests,
            TestFiles.Read("error_429_too_many_requests.html"),
            "text/html",
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(4))));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("rate limited (HTTP 429, retry after 4 s)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_TooManyRequestsWithRetryAfterDate_ReportsSecondsFromNow()
    {
        _mock.When("*").Respond(_ => Response(
            HttpStatusCode.TooManyRequests,
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(_time.GetUtcNow().AddSeconds(30))));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("rate limited (HTTP 429, retry after 30 s)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_RedirectToSearch_ReportsNotFound()
    {
        _mock.When("*").Respond(_ => Response(
            HttpStatusCode.Found,
            TestFiles.Read("redirect_302_subreddit_not_found.html"),
            "text/html",
            r => r.Headers.Location = new Uri("https://api.reddit.com/subreddits/search.json?q=PRAW_g6og0xf5xf")));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("PRAW_g6og0xf5xf", 3), CancellationToken.None);

        Assert.Equal("not found (HTTP 302 to subreddit search)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_OtherRedirect_ReportsWhereItPoints()
    {
        _mock.When("*").Respond(_ => Response(HttpStatusCode.MovedPermanently, configure: r => r.Headers.Location = new Uri("/r/t:bird/", UriKind.Relative)));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("random", 3), CancellationToken.None);

        Assert.Equal("unexpected redirect (HTTP 301 to /r/t:bird/)", result.Error);
    }

    [Theory]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "unterminated""", "invalid JSON at byte 88 (expected end of string, but instead reached end of data)")]
    [InlineData("", "invalid JSON at byte 0 (the input does not contain any JSON tokens)")]
    [InlineData("?p", "invalid JSON at byte 0 ('?' is an invalid start of a value)")]
    [InlineData("<p>", "Reddit answered with a web page, not JSON (HTTP 200)")]
    [InlineData("{\"kind\": \"Listing\",\n \"data\": {\"children\": []}} x", "invalid JSON at line 2, byte 27 ('x' is invalid after a single JSON value)")]
    [InlineData("""{"kind": "t5", "data": {"children": []}}""", "unexpected response: not a listing (kind 't5')")]
    [InlineData("""{"kind": "Listing"}""", "unexpected response: listing has no data")]
    [InlineData("""{"kind": "Listing", "data": null}""", "unexpected response: listing has no data")]
    [InlineData("null", "unexpected response: not a listing")]
    [InlineData("[1, 2]", "unexpected response: not a listing")]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "t", "score": "many", "url": "u"}}]}}""", "unexpected response: invalid value at data.children[0].data.score")]
    [InlineData("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"score": 1, "url": "u"}}]}}""", "unexpected response: post 1 has no title")]
    public async Task GetPostsAsync_BodyIsNotAListing_ReturnsReasonWithoutDotNetNames(string body, string expected)
    {
        _mock.When("*").Respond("application/json", body);
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_DeeplyNestedBody_ReturnsReason()
    {
        _mock.When("*").Respond("application/json", $$"""{"kind": "Listing", "data": {"x": {{new string('[', 5000)}}""");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("invalid JSON at byte 96 (the maximum configured depth of 64 has been exceeded)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_MillionsOfChildrenWithinTheSizeCap_RefusedAfterTheCap()
    {
        // Four million empty children: 12 MB, under the 16 MiB size cap, so only the children cap stops them.
        var body = new System.Text.StringBuilder("""{"kind": "Listing", "data": {"children": [""");
        body.Insert(body.Length, "{},", 4_000_000).Append("{}]}}");
        _mock.When("*").Respond("application/json", body.ToString());
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("unexpected response: listing has more than 1000 children (Reddit sends at most 100 a page)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_ThousandChildren_IsStillAListing()
    {
        var post = """{"kind": "t3", "data": {"title": "t", "score": 2, "url": "https://example.com/"}}""";
        _mock.When("*").Respond("application/json", """{"kind": "Listing", "data": {"children": [""" + string.Join(',', Enumerable.Repeat(post, 1000)) + "]}}");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Posts!.Count);
    }

    [Fact]
    public async Task GetPostsAsync_ChildThatIsNull_SkipsItAndKeepsThePage()
    {
        _mock.When("*").Respond("application/json", """{"kind": "Listing", "data": {"children": [null, {"kind": "t3", "data": {"title": "t", "score": 2, "url": "https://example.com/"}}]}}""");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("t", Assert.Single(result.Posts!).Title);
    }

    [Theory]
    [InlineData(typeof(InvalidDataException), "unexpected response: cannot decompress the body (not valid gzip, deflate or brotli data)")]
    [InlineData(typeof(InvalidOperationException), "unexpected error (boom)")]
    [InlineData(typeof(NullReferenceException), "unexpected error (boom)")]
    [InlineData(typeof(TaskCanceledException), "unexpected error (request cancelled)")]
    public async Task GetPostsAsync_AnyException_IsThisSubredditsFailure(Type exceptionType, string expected)
    {
        _mock.When("*").Throw((Exception)Activator.CreateInstance(exceptionType, "boom")!);
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_AnonymousAndHtmlWithStatus200_IsAWebPageNotABlock()
    {
        _mock.When("*").Respond("text/html", "<html><body>reddit</body></html>");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("Reddit answered with a web page, not JSON (HTTP 200)", result.Error);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    public async Task GetPostsAsync_HtmlUnderAnotherType_IsAWebPageNotInvalidJson(string mediaType)
    {
        _mock.When("*").Respond(mediaType, "<!DOCTYPE html><html><body>reddit</body></html>");
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("Reddit answered with a web page, not JSON (HTTP 200)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_ConnectionFails_ReturnsReason()
    {
        _mock.When("*").Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (reddit.test:443)"));
        using var sut = CreateSut();

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);

        Assert.Equal("cannot connect (Connection refused (reddit.test:443))", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_ServerTooSlow_ReturnsTimedOut()
    {
        using var handler = new NeverAnsweringHandler();
        using var sut = RedditClient.Create(new Uri(BaseUrl), new RedditClientOptions { Retries = 0 }, _time, network: handler);

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 3), CancellationToken.None);
        var request = await handler.NextRequestAsync();

        // The fake clock fires timers inside Advance, so the request's token says at once whether the time-out fired.
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(request.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(request.IsCancellationRequested);
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("timed out after 10 s", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_CanceledBeforeExecution_ThrowsWithoutSending()
    {
        var request = _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GetPostsAsync(new SubredditQuery("python", 3), new CancellationToken(canceled: true)));
        Assert.Equal(0, _mock.GetMatchCount(request));
    }

    [Fact]
    public async Task GetPostsAsync_CanceledWhileWaiting_ThrowsRatherThanReportingTimeout()
    {
        using var handler = new NeverAnsweringHandler();
        using var sut = RedditClient.Create(new Uri(BaseUrl), new RedditClientOptions { Timeout = TimeSpan.FromSeconds(30) }, _time, network: handler);
        using var cts = new CancellationTokenSource();

        var pending = sut.GetPostsAsync(new SubredditQuery("python", 3), cts.Token);
        await handler.NextRequestAsync();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    private RedditClient CreateSut(TimeWindow time = TimeWindow.Day) =>
        RedditClient.Create(new Uri(BaseUrl), new RedditClientOptions { Time = time, Timeout = TimeSpan.FromSeconds(5), Retries = 0 }, _time, network: _mock);

    private static HttpResponseMessage Response(HttpStatusCode status, string? body = null, string mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        configure?.Invoke(response);
        return response;
    }
}

using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Auth;

/// <summary>App-only OAuth through the whole client: the token endpoint and the API are both mocked.</summary>
public sealed class TokenSourceTests : IDisposable
{
    private const string TokenUrl = "https://reddit.test/api/v1/access_token";
    private const string ApiUrl = "https://reddit.test/r/python/top.json";
    private const string Secret = "s3cr3t-VALUE-9f8e7d";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _cacheDirectory = Directory.CreateTempSubdirectory("reddittop-tests-");

    public void Dispose()
    {
        _mock.Dispose();
        _cacheDirectory.Delete(recursive: true);
    }

    [Fact]
    public async Task GetPostsAsync_ScriptApp_GetsATokenWithBasicAuthAndSendsItAsBearer()
    {
        var token = _mock.Expect(HttpMethod.Post, TokenUrl)
            .WithHeaders("Authorization", "Basic " + Base64($"app-id:{Secret}"))
            .WithFormData("grant_type", "client_credentials")
            .Respond("application/json", TokenJson("tok-AAAA-1111"));
        var api = _mock.Expect(ApiUrl).WithHeaders("Authorization", "bearer tok-AAAA-1111").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_InstalledApp_UsesTheInstalledClientGrantWithADeviceIdAndAnEmptySecret()
    {
        string? deviceId = null;
        _mock.Expect(HttpMethod.Post, TokenUrl)
            .WithHeaders("Authorization", "Basic " + Base64("app-id:"))
            .WithFormData("grant_type", "https://oauth.reddit.com/grants/installed_client")
            .With(r => (deviceId = FormValue(r, "device_id")) is not null)
            .Respond("application/json", TokenJson("tok-BBBB-2222"));
        _mock.Expect(ApiUrl).WithHeaders("Authorization", "bearer tok-BBBB-2222").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", null));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 2), CancellationToken.None);

        _mock.VerifyNoOutstandingExpectation();
        Assert.Null(result.Error);
        Assert.InRange(deviceId!.Length, 20, 30);
        Assert.Equal(deviceId, Cache("app-id").Read()!.DeviceId); // kept with the token
    }

    [Fact]
    public async Task GetPostsAsync_FiftyConcurrentRequests_FetchOneToken()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = _mock.When(HttpMethod.Post, TokenUrl);
        token.Respond(async () =>
        {
            await release.Task; // every request is waiting for the token by now, or will find it
            return Json(TokenJson("tok-CCCC-3333"));
        });
        _mock.When("https://reddit.test/r/*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret), maxConcurrency: 64);

        var queries = Enumerable.Range(1, 50).Select(n => new SubredditQuery($"sub{n}", 1)).ToList();
        var run = Task.Run(async () =>
        {
            var results = new List<SubredditResult>();
            await foreach (var result in SubredditFetcher.FetchAllAsync(sut, queries, CancellationToken.None))
            {
                results.Add(result);
            }

            return results;
        });
        release.SetResult();
        var results = await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(1, _mock.GetMatchCount(token));
    }

    [Fact]
    public async Task AuthenticateAsync_TokenFetched_IsCachedPrivatelyAndReusedByTheNextRun()
    {
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-DDDD-4444"));
        _mock.When(ApiUrl).WithHeaders("Authorization", "bearer tok-DDDD-4444").Respond("application/json", TestFiles.Read("listing_top.json"));
        using (var first = CreateSut(new AppCredentials("app-id", Secret)))
        {
            await first.AuthenticateAsync(CancellationToken.None);
            Assert.False(first.Tokens!.FromCache);
        }

        _time.Advance(TimeSpan.FromMinutes(30));
        using var second = CreateSut(new AppCredentials("app-id", Secret));
        await second.AuthenticateAsync(CancellationToken.None);
        var result = await second.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.True(second.Tokens!.FromCache);
        Assert.Equal(1, _mock.GetMatchCount(token));
        var file = Assert.Single(_cacheDirectory.GetFiles("*", SearchOption.AllDirectories));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.FullName));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(file.DirectoryName!));
        Assert.DoesNotContain("app-id", file.Name, StringComparison.Ordinal);
        Assert.Empty(_cacheDirectory.GetFiles("*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenAboutToExpire_FetchesANewOne()
    {
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-EEEE-5555", expiresIn: 3600));
        using (var first = CreateSut(new AppCredentials("app-id", Secret)))
        {
            await first.AuthenticateAsync(CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromSeconds(3600) - TokenSource.ExpiryMargin);
        using var second = CreateSut(new AppCredentials("app-id", Secret));
        await second.AuthenticateAsync(CancellationToken.None);

        Assert.False(second.Tokens!.FromCache);
        Assert.Equal(2, _mock.GetMatchCount(token));
    }

    [Fact]
    public async Task AuthenticateAsync_OtherAppOrOtherServer_DoesNotUseThisAppsCachedToken()
    {
        var token = _mock.When(HttpMethod.Post, "*/api/v1/access_token").Respond("application/json", TokenJson("tok-FFFF-6666"));
        using (var first = CreateSut(new AppCredentials("app-id", Secret)))
        {
            await first.AuthenticateAsync(CancellationToken.None);
        }

        using var otherApp = CreateSut(new AppCredentials("other-app", Secret));
        await otherApp.AuthenticateAsync(CancellationToken.None);
        using var otherServer = CreateSut(new AppCredentials("app-id", Secret), baseUrl: "https://other.test");
        await otherServer.AuthenticateAsync(CancellationToken.None);

        Assert.Equal(3, _mock.GetMatchCount(token));
        Assert.Equal(3, _cacheDirectory.GetFiles("*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task GetPostsAsync_CachedTokenRefused_RenewsItOnceAndSendsTheRequestAgain()
    {
        Cache("app-id").Write(new CachedToken("tok-revoked-00", _time.GetUtcNow().AddHours(1), null));
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-GGGG-7777"));
        _mock.When(ApiUrl).WithHeaders("Authorization", "bearer tok-revoked-00").Respond(HttpStatusCode.Unauthorized, "application/json", TestFiles.Read("error_401_invalid_token.json"));
        var fresh = _mock.When(ApiUrl).WithHeaders("Authorization", "bearer tok-GGGG-7777").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(1, _mock.GetMatchCount(token));
        Assert.Equal(1, _mock.GetMatchCount(fresh));
        Assert.Equal("tok-GGGG-7777", Cache("app-id").Read()!.AccessToken);
    }

    [Fact]
    public async Task GetPostsAsync_NewTokenRefusedToo_IsAFailure()
    {
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-HHHH-8888"));
        var api = _mock.When(ApiUrl).Respond(HttpStatusCode.Unauthorized, "application/json", TestFiles.Read("error_401_invalid_token.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);

        Assert.Equal("unauthorized (HTTP 401)", result.Error);
        Assert.Equal(2, _mock.GetMatchCount(token));
        Assert.Equal(2, _mock.GetMatchCount(api));
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"message\": \"Unauthorized\", \"error\": 401}", "Reddit refused the app's credentials (HTTP 401): check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET")]
    [InlineData(HttpStatusCode.OK, "{\"error\": \"invalid_grant\"}", "the token endpoint refused the request: invalid_grant")]
    [InlineData(HttpStatusCode.OK, "{\"error_description\": \"bad device_id\", \"error\": \"invalid_request\"}", "the token endpoint refused the request: invalid_request (bad device_id)")]
    [InlineData(HttpStatusCode.OK, "{\"error\": \"unsupported_grant_type\"}", "the token endpoint refused the request: unsupported_grant_type (an installed app has no secret: unset REDDIT_CLIENT_SECRET; a script app needs it)")]
    [InlineData(HttpStatusCode.OK, "{\"token_type\": \"bearer\"}", "the token endpoint sent no access token")]
    [InlineData(HttpStatusCode.OK, "<html></html>", "the token endpoint did not answer with JSON")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "server error (HTTP 503 Service Unavailable)")]
    public async Task AuthenticateAsync_TokenEndpointFails_SaysWhyOnceAndRequestsNoSubreddit(HttpStatusCode status, string body, string expected)
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond(status, "application/json", body);
        var api = _mock.When("https://reddit.test/r/*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret), retries: 0);

        var e = await Assert.ThrowsAsync<TokenRequestException>(() => sut.AuthenticateAsync(CancellationToken.None));

        Assert.Equal(expected, e.Message);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, _mock.GetMatchCount(api));
    }

    [Fact]
    public async Task AuthenticateAsync_TokenEndpointServerError_GoesThroughTheRetries()
    {
        var time = new TimerWatchingTimeProvider();
        var calls = 0;
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond(_ => Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(2)) } }
            : Json(TokenJson("tok-IIII-9999")));
        using var sut = CreateSut(new AppCredentials("app-id", Secret), time: time);

        var authenticating = sut.AuthenticateAsync(CancellationToken.None);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));
        await authenticating.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(2, _mock.GetMatchCount(token));
    }

    [Fact]
    public async Task GetPostsAsync_AuthenticatedAndForbiddenOrWebPage_IsNotCalledBlocked()
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-JJJJ-0000"));
        _mock.When(ApiUrl).Respond(HttpStatusCode.Forbidden, "application/json", """{"message": "Forbidden", "error": 403}""");
        _mock.When("https://reddit.test/r/page/top.json").Respond("text/html", "<html></html>");
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var forbidden = await sut.GetPostsAsync(new SubredditQuery("python", 1), CancellationToken.None);
        var page = await sut.GetPostsAsync(new SubredditQuery("page", 1), CancellationToken.None);

        Assert.Equal("forbidden (HTTP 403)", forbidden.Error);
        Assert.Equal("Reddit answered with a web page, not JSON (HTTP 200)", page.Error);
    }

    [Theory]
    [InlineData("1e12")]
    [InlineData("1e30")]
    [InlineData("5e11")]
    public async Task AuthenticateAsync_AbsurdExpiresIn_CachesTheTokenForADayAtMost(string expiresIn)
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", $$"""{"access_token": "tok-DAYS-0001", "expires_in": {{expiresIn}}}""");
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        await sut.AuthenticateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(_time.GetUtcNow().AddDays(1), Cache("app-id").Read()!.ExpiresAt);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task GetPostsAsync_ShortOrNoLifetime_OneTokenForTheWholeRun(string expiresIn)
    {
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", $$"""{"access_token": "tok-SHRT-0001", "expires_in": {{expiresIn}}}""");
        _mock.When("https://reddit.test/r/*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        for (var i = 1; i <= 6; i++)
        {
            var result = await sut.GetPostsAsync(new SubredditQuery($"sub{i}", 1), TestContext.Current.CancellationToken);
            Assert.Null(result.Error);
        }

        Assert.Equal(1, _mock.GetMatchCount(token));
    }

    [Theory]
    [InlineData(@"tok-with\nnewline")]
    [InlineData(@"tok-with\u001bescape")]
    [InlineData("tok-with space")]
    [InlineData("tok-\u00e9t\u00e9")]
    public async Task AuthenticateAsync_TokenThatCannotBeAHeader_FailsAndIsNotCached(string accessToken)
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", $$"""{"access_token": "{{accessToken}}", "expires_in": 1e9}""");
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var e = await Assert.ThrowsAsync<TokenRequestException>(() => sut.AuthenticateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(FailureKind.UnusableToken, e.Failure.Kind);
        Assert.Null(Cache("app-id").Read());
    }

    [Fact]
    public async Task AuthenticateAsync_TokenOver4KiB_Fails()
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson(new string('t', 4097)));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var e = await Assert.ThrowsAsync<TokenRequestException>(() => sut.AuthenticateAsync(TestContext.Current.CancellationToken));

        Assert.Equal(FailureKind.UnusableToken, e.Failure.Kind);
    }

    [Fact]
    public async Task AuthenticateAsync_CachedTokenThatCannotBeAHeader_IsIgnoredAndReplaced()
    {
        Cache("app-id").Write(new CachedToken("tok-bad\nline", _time.GetUtcNow().AddYears(30), null));
        var token = _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-GOOD-0001"));
        var api = _mock.When(ApiUrl).WithHeaders("Authorization", "bearer tok-GOOD-0001").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 1), TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(1, _mock.GetMatchCount(token));
        Assert.Equal("tok-GOOD-0001", Cache("app-id").Read()!.AccessToken);
    }

    [Fact]
    public async Task GetPostsAsync_TokenRefusedTwice_IsRemovedFromTheCache()
    {
        _mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", TokenJson("tok-IIII-9999"));
        _mock.When(ApiUrl).Respond(HttpStatusCode.Unauthorized, "application/json", TestFiles.Read("error_401_invalid_token.json"));
        using var sut = CreateSut(new AppCredentials("app-id", Secret));

        var result = await sut.GetPostsAsync(new SubredditQuery("python", 1), TestContext.Current.CancellationToken);

        Assert.Equal("unauthorized (HTTP 401)", result.Error);
        Assert.Null(Cache("app-id").Read()!.AccessToken);
    }

    [Fact]
    public async Task AuthenticateAsync_TokenEndpointNeverAnswers_FailsNamingTheTimeOut()
    {
        using var never = new NeverAnsweringHandler();
        var credentials = new AppCredentials("app-id", Secret);
        var endpoints = RedditEndpoints.For(new Uri("https://reddit.test"), credentials);
        var options = new RedditClientOptions { Retries = 0, Timeout = TimeSpan.FromSeconds(5) };
        using var sut = RedditClient.Create(endpoints.Api, options, _time, network: never, app: new AppAccess(credentials, endpoints.Token, null));

        var authenticate = sut.AuthenticateAsync(CancellationToken.None);
        await never.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<TokenRequestException>(() => authenticate);
        Assert.Equal(FailureKind.TimedOut, e.Failure.Kind);
        Assert.Equal("timed out after 5 s", e.Message);
    }

    [Fact]
    public void Redact_SecretsAndTokens_ShowOnlyTheirEnds()
    {
        Assert.Equal("tok…c3", Secrets.Redact("tok0123456789c3"));
        Assert.Equal("…", Secrets.Redact("short"));
        Assert.DoesNotContain(Secret, new AppCredentials("app-id-1234", Secret).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok-KKKK-1234", new CachedToken("tok-KKKK-1234", _time.GetUtcNow(), null).ToString(), StringComparison.Ordinal);
    }

    private RedditClient CreateSut(AppCredentials credentials, int retries = 3, int maxConcurrency = 8, string baseUrl = "https://reddit.test", TimeProvider? time = null)
    {
        var endpoints = RedditEndpoints.For(new Uri(baseUrl), credentials);
        var cache = new TokenCache(Path.Combine(_cacheDirectory.FullName, "reddittop"), credentials.ClientId, endpoints.Token);
        return RedditClient.Create(
            endpoints.Api,
            new RedditClientOptions { Retries = retries, MaxConcurrency = maxConcurrency },
            time ?? _time,
            network: _mock,
            app: new AppAccess(credentials, endpoints.Token, cache));
    }

    /// <summary>The cache the client of <see cref="CreateSut"/> uses for <paramref name="clientId"/> on the default server.</summary>
    private TokenCache Cache(string clientId) => new(Path.Combine(_cacheDirectory.FullName, "reddittop"), clientId, new Uri(TokenUrl));

    private static string TokenJson(string token, int expiresIn = 3600) =>
        $$"""{"access_token": "{{token}}", "token_type": "bearer", "expires_in": {{expiresIn}}, "scope": "*"}""";

    private static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string? FormValue(HttpRequestMessage request, string name) =>
        request.Content!.ReadAsStringAsync().GetAwaiter().GetResult().Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair[1]))
            .FirstOrDefault();
}

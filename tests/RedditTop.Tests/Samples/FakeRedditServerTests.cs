using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FakeReddit;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Samples;

/// <summary>FakeReddit behaves like Reddit where reddittop depends on it.</summary>
public sealed class FakeRedditServerTests
{
    private const string InstalledClientGrant = "https://oauth.reddit.com/grants/installed_client";

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task Listing_Limit_ReturnsThatManyPostsAndNamesTheNextPage()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var page = await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=7&raw_json=1");

        var data = page.RootElement.GetProperty("data");
        Assert.Equal("Listing", page.RootElement.GetProperty("kind").GetString());
        Assert.Equal(7, data.GetProperty("children").GetArrayLength());
        Assert.Equal(7, data.GetProperty("dist").GetInt32());
        Assert.Equal("t3_" + data.GetProperty("children")[6].GetProperty("data").GetProperty("id").GetString(), data.GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("", 25)]
    [InlineData("&limit=500", 100)]
    public async Task Listing_LimitMissingOrTooLarge_UsesRedditsDefaultAndMaximum(string limit, int expected)
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var page = await GetJsonAsync(sut, $"/r/python/top.json?t=day{limit}");

        Assert.Equal(expected, page.RootElement.GetProperty("data").GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Listing_After_ReturnsTheNextPage()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        using var all = await GetJsonAsync(sut, "/r/askreddit/top.json?limit=10&raw_json=1");
        var after = all.RootElement.GetProperty("data").GetProperty("children")[4].GetProperty("data").GetProperty("name").GetString();

        using var next = await GetJsonAsync(sut, $"/r/askreddit/top.json?limit=5&after={after}&raw_json=1");

        Assert.Equal(
            all.RootElement.GetProperty("data").GetProperty("children")[5].GetProperty("data").GetProperty("id").GetString(),
            next.RootElement.GetProperty("data").GetProperty("children")[0].GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Listing_WithoutRawJson_EscapesLikeReddit()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var escaped = FirstTitle(await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=1"));
        var raw = FirstTitle(await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=1&raw_json=1"));

        Assert.Contains("&", raw, StringComparison.Ordinal);
        Assert.Contains("<", raw, StringComparison.Ordinal);
        Assert.Equal(raw.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), escaped);
    }

    [Fact]
    public async Task Listing_RecordedLegacyListing_IsServedRawWhenAskedFor()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var body = await Http.GetStringAsync($"{sut.BaseUrl}/r/reddit_api_test/top.json?limit=25&raw_json=1", TestContext.Current.CancellationToken);

        Assert.Contains("Hurricanes @ Red Wings & Wild @ Kings", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_TimeWindow_ChangesThePosts()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var day = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1", TestContext.Current.CancellationToken);
        var week = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=week&limit=5&raw_json=1", TestContext.Current.CancellationToken);
        var dayAgain = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1", TestContext.Current.CancellationToken);

        Assert.NotEqual(day, week);
        Assert.Equal(day, dayAgain);
    }

    [Fact]
    public async Task Listing_UnknownSubreddit_RedirectsToSearchLikeReddit()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/nosuchsub/top.json?raw_json=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"{sut.BaseUrl}/subreddits/search.json?q=nosuchsub", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Listing_Multireddit_MergesPostsByScore()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        using var page = await GetJsonAsync(sut, "/r/python+rust/top.json?t=day&limit=20&raw_json=1");

        var children = page.RootElement.GetProperty("data").GetProperty("children").EnumerateArray().Select(c => c.GetProperty("data")).ToList();
        Assert.Equal(["Python", "Rust"], children.Select(c => c.GetProperty("subreddit").GetString()).Distinct().Order());
        Assert.Equal(children.Select(c => c.GetProperty("score").GetInt32()).OrderDescending(), children.Select(c => c.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task Listing_FailFirst_FailsThenRecovers()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Status = 503;
        scenario.Configure("python").FailFirst = 2;
        scenario.Configure("python").RetryAfterSeconds = 3;
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (i == 0)
            {
                Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Listing_StatusWithReason_SendsRedditsErrorBody()
    {
        var scenario = new Scenario();
        scenario.Configure("secret").Status = 403;
        scenario.Configure("secret").Reason = "private";
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/secret/top.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"reason":"private","message":"Forbidden","error":403}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Listing_Statuses_AnswersTheNthRequestWithTheNthStatusThenRepeatsTheLast()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Statuses = [503, 429, 200, 404];
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json?limit=3", TestContext.Current.CancellationToken);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            answers.Select(a => a.Status));
        Assert.Equal("", answers[0].Body);
        Assert.Contains("whoa there, pardner!", answers[1].Body, StringComparison.Ordinal);
        using var listing = JsonDocument.Parse(answers[2].Body);
        Assert.Equal(3, listing.RootElement.GetProperty("data").GetProperty("children").GetArrayLength());
        Assert.Equal("""{"message":"Not Found","error":404}""", answers[5].Body);
    }

    [Fact]
    public async Task Listing_RetryAfterAsDate_SendsAnHttpDateRoundedUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 10, 15, 6, 300, TimeSpan.Zero));
        var scenario = new Scenario();
        scenario.Configure("python").Statuses = [429, 503];
        scenario.Configure("python").RetryAfterSeconds = 4;
        scenario.Configure("python").RetryAfterAsDate = true;
        await using var sut = await FakeRedditServer.StartAsync(scenario, timeProvider: time, cancellationToken: TestContext.Current.CancellationToken);

        using var tooMany = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1.7));
        using var unavailable = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal("Tue, 03 Mar 2026 10:15:11 GMT", tooMany.Headers.GetValues("Retry-After").Single()); // 10:15:10.3, rounded up
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 15, 12, TimeSpan.Zero), unavailable.Headers.RetryAfter?.Date); // 10:15:12.0 exactly
    }

    [Fact]
    public async Task Listing_Budget_CountsEveryListingRequestAndAnswers429WhenSpent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { Budget = new RateBudget { Requests = 3, WindowSeconds = 10 } }, timeProvider: time, cancellationToken: TestContext.Current.CancellationToken);

        using var first = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1));
        using var second = await Http.GetAsync($"{sut.BaseUrl}/r/rust/top.json", TestContext.Current.CancellationToken);
        using var unknown = await Http.GetAsync($"{sut.BaseUrl}/r/nosuchsub/top.json", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1.5));
        using var over = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(7.5)); // the second window starts 10 s after the first request
        using var nextWindow = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Found, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            new[] { first, second, unknown, over, nextWindow }.Select(r => r.StatusCode));
        Assert.Equal(("1", "2.0", "10"), RateLimitHeaders(first));
        Assert.Equal(("2", "1.0", "9"), RateLimitHeaders(second));
        Assert.Equal(("3", "0.0", "9"), RateLimitHeaders(unknown));
        Assert.Equal(("4", "0.0", "8"), RateLimitHeaders(over)); // 7.5 s left, rounded up
        Assert.Equal(TimeSpan.FromSeconds(8), over.Headers.RetryAfter?.Delta);
        Assert.Contains("whoa there, pardner!", await over.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(("1", "2.0", "10"), RateLimitHeaders(nextWindow));
        Assert.Equal([10, 9, 9, 8, 10], sut.Requests.Where(r => r.Subreddit is not null).Select(r => r.RateLimitReset));
        Assert.Equal(1, sut.RateLimitedCount);
    }

    [Fact]
    public async Task Listing_Budget_CountsARequestWhenItArrivesNotWhenItIsAnswered()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { Budget = new RateBudget { Requests = 1, WindowSeconds = 600 } }, cancellationToken: TestContext.Current.CancellationToken);
        sut.Hold("python");

        var held = Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        await Poll.UntilAsync(() => sut.Requests.Count > 0, Poll.Patience, () => "the held request never arrived");

        using var rust = await Http.GetAsync($"{sut.BaseUrl}/r/rust/top.json", TestContext.Current.CancellationToken);
        sut.Release("python");
        using var python = await held;

        Assert.Equal(HttpStatusCode.TooManyRequests, rust.StatusCode);
        Assert.Equal(HttpStatusCode.OK, python.StatusCode);
        Assert.Equal(("1", "0.0", "600"), RateLimitHeaders(python));
        Assert.Equal(1, sut.RateLimitedCount);
    }

    [Fact]
    public async Task Listing_Oversize_StreamsAValidListingOverSeventeenMebibytesWithoutContentLength()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Fault = Fault.Oversize;
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var sentContentLength = response.Content.Headers.NonValidated.Contains("Content-Length"); // before reading: a buffered body gets one computed
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(sentContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.InRange(body.Length, FakeRedditServer.OversizeBytes, FakeRedditServer.OversizeBytes + 2048);
        using var listing = JsonDocument.Parse(body);
        var post = listing.RootElement.GetProperty("data").GetProperty("children")[0].GetProperty("data");
        Assert.Equal(FakeRedditServer.OversizeBytes, post.GetProperty("selftext").GetString()!.Length);
        Assert.Equal("A post too long to read", post.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Listing_CutJson_SendsTheFirstHalfAsAWholeResponseAndKeepsTheConnection()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Fault = Fault.CutJson;
        scenario.Configure("python").FailFirst = 1;
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);
        var connections = 0;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });

        using var cut = await http.GetAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1", TestContext.Current.CancellationToken);
        var cutBody = await cut.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var whole = await http.GetByteArrayAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, cut.StatusCode);
        Assert.Equal("application/json", cut.Content.Headers.ContentType?.MediaType);
        Assert.Equal(whole.Length / 2, cut.Content.Headers.ContentLength);
        Assert.Equal(whole[..(whole.Length / 2)], cutBody);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cutBody));
        Assert.Equal(1, connections);
    }

    [Fact]
    public async Task Listing_WrongContentType_SendsAValidListingAsPlainText()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Fault = Fault.WrongContentType;
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=3&raw_json=1", TestContext.Current.CancellationToken);
        using var listing = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Listing", listing.RootElement.GetProperty("kind").GetString());
        Assert.Equal(3, listing.RootElement.GetProperty("data").GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Listing_ExtraFields_AddsUnknownFieldsAtEveryLevelAndKeepsTheKnownOnes()
    {
        var (odd, normal) = await OddAndNormalAsync(Fault.ExtraFields);

        Assert.Equal(JsonValueKind.Object, odd.GetProperty("extra_envelope").ValueKind);
        Assert.Equal(JsonValueKind.Array, odd.GetProperty("data").GetProperty("extra_listing").ValueKind);
        foreach (var (child, plain) in Children(odd).Zip(Children(normal)))
        {
            Assert.Equal(JsonValueKind.Object, child.GetProperty("extra_child").ValueKind);
            var post = child.GetProperty("data");
            Assert.Equal(JsonValueKind.Object, post.GetProperty("preview").ValueKind);
            Assert.Equal(JsonValueKind.Array, post.GetProperty("all_awardings").ValueKind);
            Assert.Equal(JsonValueKind.Null, post.GetProperty("media").ValueKind);
            foreach (var field in plain.GetProperty("data").EnumerateObject())
            {
                Assert.Equal(field.Value.GetRawText(), post.GetProperty(field.Name).GetRawText());
            }
        }
    }

    [Theory]
    [InlineData(Fault.NullFields)]
    [InlineData(Fault.MissingFields)]
    public async Task Listing_NullOrMissingFields_LeavesTitleScoreUrlIdAndNameAlone(Fault fault)
    {
        var (odd, normal) = await OddAndNormalAsync(fault);

        foreach (var (child, plain) in Children(odd).Zip(Children(normal)))
        {
            var post = child.GetProperty("data");
            foreach (var field in OddListings.OptionalFields)
            {
                var present = post.TryGetProperty(field, out var value);
                Assert.Equal(fault == Fault.NullFields, present);
                Assert.True(!present || value.ValueKind == JsonValueKind.Null, $"{field} is {value.ValueKind}");
            }

            foreach (var field in new[] { "title", "score", "url", "id", "name" })
            {
                Assert.Equal(plain.GetProperty("data").GetProperty(field).GetRawText(), post.GetProperty(field).GetRawText());
            }
        }

        Assert.Contains("author", OddListings.OptionalFields);
        Assert.Contains("link_flair_text", OddListings.OptionalFields);
    }

    [Fact]
    public async Task Listing_NoTitle_LeavesOutTheSecondPostsTitleOnly()
    {
        var (odd, _) = await OddAndNormalAsync(Fault.NoTitle);

        Assert.Equal(
            [true, false, true, true],
            Children(odd).Select(c => c.GetProperty("data").TryGetProperty("title", out _)));
    }

    [Fact]
    public async Task Listing_Posts_EndsPagingAfterThatMany()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Posts = 30;
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var (ids, pages) = await PageThroughAsync(sut, "/r/python/top.json?t=day&limit=25&raw_json=1");

        Assert.Equal([25, 5], pages);
        Assert.Equal(30, ids.Distinct().Count());
    }

    [Fact]
    public async Task Listing_GeneratedSubreddit_PagesUpToAThousandDistinctPosts()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (ids, pages) = await PageThroughAsync(sut, "/r/python/top.json?t=week&limit=100&raw_json=1");

        Assert.Equal(Enumerable.Repeat(100, 10), pages);
        Assert.Equal(1000, ids.Distinct().Count());
    }

    [Fact]
    public async Task AccessToken_ClientCredentials_IssuesATokenThatListingsAccept()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", RequireToken = true } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var anonymous = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        var (status, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var token = body.GetProperty("access_token").GetString()!;
        using var listing = await GetWithTokenAsync(sut, "/r/python/top.json?limit=3", token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("""{"error":401}""", await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("fake-token-", token, StringComparison.Ordinal);
        Assert.Equal(
            ["access_token", "token_type", "expires_in", "scope"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("bearer", 3600, "*"), (body.GetProperty("token_type").GetString(), body.GetProperty("expires_in").GetInt32(), body.GetProperty("scope").GetString()));
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Equal([token], sut.IssuedTokens);
        Assert.Equal([new TokenRequest("client_credentials", null, "app", true)], sut.TokenRequests.Select(WithoutConnection));
        Assert.Equal([null, "bearer " + token], sut.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task AccessToken_InstalledApp_NeedsTheInstalledGrantAndADeviceIdOfTwentyToThirtyCharacters()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = "app", ExpiresInSeconds = 60 } }, cancellationToken: TestContext.Current.CancellationToken);
        var deviceId = new string('d', 25);

        var (_, granted) = await PostTokenAsync(sut, "app", "", ("grant_type", InstalledClientGrant), ("device_id", deviceId));
        var (_, again) = await PostTokenAsync(sut, "app", "", ("grant_type", InstalledClientGrant), ("device_id", new string('e', 20)));
        var (shortStatus, tooShort) = await PostTokenAsync(sut, "app", "", ("grant_type", InstalledClientGrant), ("device_id", new string('d', 19)));
        var (_, tooLong) = await PostTokenAsync(sut, "app", "", ("grant_type", InstalledClientGrant), ("device_id", new string('d', 31)));
        var (_, missing) = await PostTokenAsync(sut, "app", "", ("grant_type", InstalledClientGrant));
        var (otherStatus, other) = await PostTokenAsync(sut, "app", "", ("grant_type", "client_credentials"));

        Assert.Equal(
            ["access_token", "token_type", "device_id", "expires_in", "scope"],
            granted.EnumerateObject().Select(p => p.Name));
        Assert.Equal((deviceId, 60), (granted.GetProperty("device_id").GetString(), granted.GetProperty("expires_in").GetInt32()));
        Assert.NotEqual(granted.GetProperty("access_token").GetString(), again.GetProperty("access_token").GetString());
        Assert.Equal([granted.GetProperty("access_token").GetString()!, again.GetProperty("access_token").GetString()!], sut.IssuedTokens);
        Assert.Equal(HttpStatusCode.OK, shortStatus);
        Assert.Equal("""{"error_description":"bad device_id","error":"invalid_request"}""", tooShort.GetRawText());
        Assert.Equal(tooShort.GetRawText(), tooLong.GetRawText());
        Assert.Equal(tooShort.GetRawText(), missing.GetRawText());
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.Equal("""{"error":"unsupported_grant_type"}""", other.GetRawText());
        Assert.Equal([true, true, false, false, false, false], sut.TokenRequests.Select(r => r.Granted));
        Assert.Equal(new TokenRequest(InstalledClientGrant, deviceId, "app", true), WithoutConnection(sut.TokenRequests[0]));
    }

    [Fact]
    public async Task AccessToken_WrongOrMissingCredentials_Answers401LikeReddit()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret" } }, cancellationToken: TestContext.Current.CancellationToken);

        using var noCredentials = await Http.PostAsync($"{sut.BaseUrl}/api/v1/access_token", new FormUrlEncodedContent([new("grant_type", "client_credentials")]), TestContext.Current.CancellationToken);
        var (wrongSecret, body) = await PostTokenAsync(sut, "app", "wrong", ("grant_type", "client_credentials"));
        var (emptySecret, _) = await PostTokenAsync(sut, "app", "", ("grant_type", "client_credentials"));
        var (secretApp, installed) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", InstalledClientGrant), ("device_id", new string('d', 25)));

        Assert.Equal(HttpStatusCode.Unauthorized, noCredentials.StatusCode);
        Assert.Equal("application/json", noCredentials.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"message":"Unauthorized","error":401}""", await noCredentials.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized","error":401}"""), (wrongSecret, body.GetRawText()));
        Assert.Equal(HttpStatusCode.Unauthorized, emptySecret);
        Assert.Equal((HttpStatusCode.OK, """{"error":"unsupported_grant_type"}"""), (secretApp, installed.GetRawText()));
        Assert.Equal([null, "app", "app", "app"], sut.TokenRequests.Select(r => r.BasicUser));
        Assert.Empty(sut.IssuedTokens);
    }

    [Fact]
    public async Task AccessToken_WithoutOAuth_IsNotFound()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);

        var (status, _) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal([new TokenRequest("client_credentials", null, "app", false)], sut.TokenRequests.Select(WithoutConnection));
    }

    [Fact]
    public async Task AccessToken_TokenError_AnswersTheErrorWith200()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", TokenError = "invalid_grant" } }, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));

        Assert.Equal((HttpStatusCode.OK, """{"error":"invalid_grant"}"""), (status, body.GetRawText()));
        Assert.Empty(sut.IssuedTokens);
    }

    [Fact]
    public async Task AccessToken_TokenStatuses_AnswersTheNthRequestWithTheNthStatusThenRepeatsTheLast()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", TokenStatuses = [503, 429, 200] } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await SendTokenRequestAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK, HttpStatusCode.OK], answers.Select(a => a.Status));
        Assert.Equal("", answers[0].Body);
        Assert.Equal("""{"message":"Too Many Requests","error":429}""", answers[1].Body);
        Assert.Equal(2, sut.IssuedTokens.Count);
        Assert.Equal([false, false, true, true], sut.TokenRequests.Select(r => r.Granted));
    }

    [Fact]
    public async Task AccessToken_ExpiresInSentAndAccessToken_AnswerThemAsWrittenAndTheTokenLastsItsLifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
        const string Odd = "odd\ntoken\u0007é";
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", ExpiresInSeconds = 60, ExpiresInSent = "1e30", AccessToken = Odd } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, timeProvider: time, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await SendTokenRequestAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);

        Assert.Contains("\"expires_in\":1e30,", text, StringComparison.Ordinal);
        Assert.Equal(Odd, body.RootElement.GetProperty("access_token").GetString());
        Assert.Equal([Odd], sut.IssuedTokens);
        Assert.Equal([true], sut.TokenRequests.Select(r => r.Granted));
    }

    [Fact]
    public async Task StartAsync_ExpiresInSentThatIsNotANumber_IsRefused()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ExpiresInSent = "\"soon\"" } };

        await Assert.ThrowsAsync<ArgumentException>(() => FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AccessToken_Drip_SendsTheAnswerOneByteAtATime()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", Fault = TokenFault.Drip } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await SendTokenRequestAsync(sut, "app", "s3cret", HttpCompletionOption.ResponseHeadersRead, ("grant_type", "client_credentials"));
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[64];
        var first = await body.ReadAsync(buffer, TestContext.Current.CancellationToken);
        var firstByte = buffer[0];
        var second = await body.ReadAsync(buffer, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, (byte)'{', 1, (byte)'"'), (first, firstByte, second, buffer[0]));
        Assert.Single(sut.IssuedTokens);
    }

    [Fact]
    public async Task AccessToken_GzipBomb_SendsAboutOneMegabyteOfGzipMembersEachExpandingToOneMebibyteOfSpaces()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", Fault = TokenFault.GzipBomb } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var response = await SendTokenRequestAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken); // not decompressed: Http has no automatic decompression
        var member = TokenFaults.BombMember.ToArray();
        await using var expanding = new System.IO.Compression.GZipStream(new MemoryStream(member), System.IO.Compression.CompressionMode.Decompress);
        using var expanded = new MemoryStream();
        await expanding.CopyToAsync(expanded, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "gzip"), (response.StatusCode, Assert.Single(response.Content.Headers.ContentEncoding)));
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.InRange(body.Length, 1_000_000, 1_100_000);
        Assert.Equal(1024 * member.Length, body.Length);
        Assert.All(body.Chunk(member.Length), chunk => Assert.Equal(member, chunk));
        Assert.Equal(1 << 20, expanded.Length);
        Assert.All(expanded.ToArray(), b => Assert.Equal((byte)' ', b));
        Assert.Equal(TokenFaults.BombExpandedBytes, 1024L * expanded.Length);
    }

    [Fact]
    public async Task Listing_BearerToken_IsRefusedWhenUnknownOrExpiredOnTheServersClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", ExpiresInSeconds = 60 } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, timeProvider: time, cancellationToken: TestContext.Current.CancellationToken);
        var (_, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var token = body.GetProperty("access_token").GetString()!;

        using var anonymous = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        using var unknown = await GetWithTokenAsync(sut, "/r/python/top.json", "fake-token-never-issued");
        time.Advance(TimeSpan.FromSeconds(59.9));
        using var fresh = await GetWithTokenAsync(sut, "/r/python/top.json", token);
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var expired = await GetWithTokenAsync(sut, "/r/python/top.json", token);

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode); // no RequireToken
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("""{"error":401}""", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Bearer", unknown.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("""{"error":401}""", await expired.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Listing_RevokeAfterUses_RefusesATokenAfterItsNthUse()
    {
        var scenario = new Scenario { OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", RevokeAfterUses = 2 } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);
        var (_, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var token = body.GetProperty("access_token").GetString()!;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await GetWithTokenAsync(sut, "/r/python/top.json", token);
            statuses.Add(response.StatusCode);
        }

        var (_, renewed) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        using var afterRenewal = await GetWithTokenAsync(sut, "/r/python/top.json", renewed.GetProperty("access_token").GetString()!);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(HttpStatusCode.OK, afterRenewal.StatusCode);
    }

    [Fact]
    public async Task Listing_BlockAnonymous_Answers403WithRedditsBlockPageUnlessATokenIsSent()
    {
        var scenario = new Scenario { BlockAnonymous = true, OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret" } };
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);

        using var anonymous = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        var (_, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        using var authorized = await GetWithTokenAsync(sut, "/r/python/top.json", body.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal("text/html; charset=utf-8", anonymous.Content.Headers.ContentType?.ToString());
        var page = await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("You've been blocked by network security.", page, StringComparison.Ordinal);
        Assert.Contains("log in to your Reddit account or use your developer token", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    [Fact]
    public async Task Listing_RefusedForItsToken_CarriesTheBudgetHeadersButIsNotNumbered()
    {
        var scenario = new Scenario
        {
            Budget = new RateBudget { Requests = 2, WindowSeconds = 600 },
            OAuth = new OAuthSettings { ClientId = "app", ClientSecret = "s3cret", RequireToken = true },
        };
        scenario.Configure("python").Statuses = [503, 200];
        await using var sut = await FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken);
        var (_, body) = await PostTokenAsync(sut, "app", "s3cret", ("grant_type", "client_credentials"));
        var token = body.GetProperty("access_token").GetString()!;

        using var anonymous = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", TestContext.Current.CancellationToken);
        using var first = await GetWithTokenAsync(sut, "/r/python/top.json", token);
        using var over = await GetWithTokenAsync(sut, "/r/python/top.json", token);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests],
            new[] { anonymous, first, over }.Select(r => r.StatusCode));
        Assert.Equal(("1", "1.0", "600"), RateLimitHeaders(anonymous));
        Assert.Equal(("3", "0.0", "600"), RateLimitHeaders(over));
        Assert.Equal(1, sut.RateLimitedCount);
    }

    [Fact]
    public void Parse_ScenarioFileAndOptions_CombinesThem()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {
                  // comments are allowed
                  "subreddits": { "busy": { "status": 429, "retryAfterSeconds": 4 }, "stuck": { "fault": "hang" } },
                }
                """);

            var sut = FakeRedditArguments.Parse(["--scenario", file, "--latency", "python=100-900", "--fault", "broken=bad-json", "--status", "*=503", "--any-name", "--url-file", "/tmp/u"]);

            Assert.Equal(429, sut.Scenario.For("busy").Status);
            Assert.Equal(4, sut.Scenario.For("BUSY").RetryAfterSeconds);
            Assert.Equal(Fault.Hang, sut.Scenario.For("stuck").Fault);
            Assert.Equal((100, 900), (sut.Scenario.For("python").LatencyMs, sut.Scenario.For("python").LatencyMaxMs));
            Assert.Equal(Fault.BadJson, sut.Scenario.For("broken").Fault);
            Assert.Equal(503, sut.Scenario.For("anything").Status);
            Assert.True(sut.Scenario.AnyName);
            Assert.Equal("/tmp/u", sut.UrlFile);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Parse_ResilienceOptions_SetTheScenario()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {
                  "budget": { "requests": 10, "windowSeconds": 3 },
                  "subreddits": {
                    "flaky": { "statuses": [503, 200], "retryAfterSeconds": 2, "retryAfterAsDate": true },
                    "short": { "posts": 40 },
                    "huge": { "fault": "oversize" }
                  }
                }
                """);

            var fromFile = FakeRedditArguments.Parse(["--scenario", file]).Scenario;
            var fromOptions = FakeRedditArguments.Parse(
                ["--statuses", "flaky=503,503,200", "--retry-after-date", "later=7", "--posts", "short=150", "--fault", "huge=oversize", "--budget", "60/600"]).Scenario;

            Assert.Equal((10, 3), (fromFile.Budget?.Requests, fromFile.Budget?.WindowSeconds));
            Assert.Equal([503, 200], fromFile.For("flaky").Statuses!);
            Assert.Equal((2, true), (fromFile.For("flaky").RetryAfterSeconds, fromFile.For("flaky").RetryAfterAsDate));
            Assert.Equal(40, fromFile.For("short").Posts);
            Assert.Equal(Fault.Oversize, fromFile.For("huge").Fault);
            Assert.Equal((60, 600), (fromOptions.Budget?.Requests, fromOptions.Budget?.WindowSeconds));
            Assert.Equal([503, 503, 200], fromOptions.For("flaky").Statuses!);
            Assert.Equal((7, true), (fromOptions.For("later").RetryAfterSeconds, fromOptions.For("later").RetryAfterAsDate));
            Assert.Equal(150, fromOptions.For("short").Posts);
            Assert.Equal(Fault.Oversize, fromOptions.For("huge").Fault);
            Assert.Throws<ArgumentException>(() => FakeRedditArguments.Parse(["--budget", "60"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Parse_OAuthOptions_SetTheScenario()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {
                  "blockAnonymous": true,
                  "oauth": {
                    "clientId": "app", "clientSecret": "s3cret", "expiresInSeconds": 30, "requireToken": true,
                    "revokeAfterUses": 5, "tokenError": "invalid_grant", "tokenStatuses": [503, 200],
                    "expiresInSent": "-5", "accessToken": "fixed", "fault": "gzip-bomb"
                  }
                }
                """);

            var fromFile = FakeRedditArguments.Parse(["--scenario", file]).Scenario;
            var fromOptions = FakeRedditArguments.Parse(
                ["--require-token", "--oauth", "app:s3cret", "--token-expires", "30", "--revoke-after", "5", "--token-error", "invalid_grant", "--token-statuses", "503,200", "--block-anonymous",
                 "--token-expires-in", "-5", "--token-value", "fixed", "--token-fault", "gzip-bomb"]).Scenario;
            var installed = FakeRedditArguments.Parse(["--oauth", "app"]).Scenario;

            foreach (var scenario in new[] { fromFile, fromOptions })
            {
                var oauth = scenario.OAuth!;
                Assert.Equal(("app", "s3cret", 30, true, 5, "invalid_grant"), (oauth.ClientId, oauth.ClientSecret, oauth.ExpiresInSeconds, oauth.RequireToken, oauth.RevokeAfterUses, oauth.TokenError));
                Assert.Equal([503, 200], oauth.TokenStatuses!);
                Assert.Equal(("-5", "fixed", TokenFault.GzipBomb), (oauth.ExpiresInSent, oauth.AccessToken, oauth.Fault));
                Assert.True(scenario.BlockAnonymous);
            }

            Assert.Equal(("app", null, 3600, false), (installed.OAuth!.ClientId, installed.OAuth.ClientSecret, installed.OAuth.ExpiresInSeconds, installed.BlockAnonymous));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Parse_TokenFaultName_IsReadOrRefusedByName()
    {
        Assert.Equal(TokenFault.Drip, FakeRedditArguments.Parse(["--token-fault", "drip"]).Scenario.OAuth!.Fault);
        Assert.Throws<ArgumentException>(() => FakeRedditArguments.Parse(["--token-fault", "drizzle"]));
    }

    [Theory]
    [InlineData("cut-json", Fault.CutJson)]
    [InlineData("wrong-content-type", Fault.WrongContentType)]
    [InlineData("extra-fields", Fault.ExtraFields)]
    [InlineData("null-fields", Fault.NullFields)]
    [InlineData("missing-fields", Fault.MissingFields)]
    [InlineData("no-title", Fault.NoTitle)]
    public void Parse_FaultName_IsTheFaultScenarioFilesSpellTheSameWay(string name, Fault expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $$"""{ "subreddits": { "odd": { "fault": "{{name}}" } } }""");

            var fromOption = FakeRedditArguments.Parse(["--fault", $"odd={name}"]).Scenario;
            var fromFile = FakeRedditArguments.Parse(["--scenario", file]).Scenario;

            Assert.Equal(expected, fromOption.For("odd").Fault);
            Assert.Equal(expected, fromFile.For("odd").Fault);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task StartAsync_OAuthWithoutAClientId_IsRefused()
    {
        var scenario = FakeRedditArguments.Parse(["--require-token"]).Scenario;

        await Assert.ThrowsAsync<ArgumentException>(() => FakeRedditServer.StartAsync(scenario, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static (string Used, string Remaining, string Reset) RateLimitHeaders(HttpResponseMessage response) =>
        (response.Headers.GetValues("X-Ratelimit-Used").Single(),
         response.Headers.GetValues("X-Ratelimit-Remaining").Single(),
         response.Headers.GetValues("X-Ratelimit-Reset").Single());

    /// <summary>The first page of 4 posts with <paramref name="fault"/>, then the same page without it.</summary>
    private static async Task<(JsonElement Odd, JsonElement Normal)> OddAndNormalAsync(Fault fault)
    {
        var scenario = new Scenario();
        scenario.Configure("python").Fault = fault;
        scenario.Configure("python").FailFirst = 1;
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        using var odd = await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=4&raw_json=1");
        using var normal = await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=4&raw_json=1");
        return (odd.RootElement.Clone(), normal.RootElement.Clone());
    }

    private static IEnumerable<JsonElement> Children(JsonElement listing) =>
        listing.GetProperty("data").GetProperty("children").EnumerateArray();

    /// <summary>Follows <c>after</c> from the first page to the last: every post's id and each page's size.</summary>
    private static async Task<(List<string> Ids, List<int> Pages)> PageThroughAsync(FakeRedditServer server, string pathAndQuery)
    {
        var ids = new List<string>();
        var pages = new List<int>();
        string? after = null;
        do
        {
            using var page = await GetJsonAsync(server, pathAndQuery + (after is null ? "" : "&after=" + after));
            var data = page.RootElement.GetProperty("data");
            var children = data.GetProperty("children").EnumerateArray().ToList();
            ids.AddRange(children.Select(c => c.GetProperty("data").GetProperty("id").GetString()!));
            pages.Add(children.Count);
            after = data.GetProperty("after").GetString();
            if (after is not null)
            {
                Assert.Equal("t3_" + ids[^1], after);
            }
        }
        while (after is not null && pages.Count < 20);

        return (ids, pages);
    }

    /// <summary>Posts a form to the token endpoint with HTTP Basic credentials.</summary>
    private static Task<HttpResponseMessage> SendTokenRequestAsync(FakeRedditServer server, string user, string password, params (string Name, string Value)[] form) =>
        SendTokenRequestAsync(server, user, password, HttpCompletionOption.ResponseContentRead, form);

    /// <summary>Posts a form to the token endpoint with HTTP Basic credentials, returning when <paramref name="completion"/> says.</summary>
    private static async Task<HttpResponseMessage> SendTokenRequestAsync(FakeRedditServer server, string user, string password, HttpCompletionOption completion, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.BaseUrl}/api/v1/access_token")
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await Http.SendAsync(request, completion);
    }

    /// <summary>The token endpoint's status and JSON body (an empty object for an empty body).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostTokenAsync(FakeRedditServer server, string user, string password, params (string Name, string Value)[] form)
    {
        using var response = await SendTokenRequestAsync(server, user, password, form);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static async Task<HttpResponseMessage> GetWithTokenAsync(FakeRedditServer server, string pathAndQuery, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        return await Http.SendAsync(request);
    }

    private static async Task<JsonDocument> GetJsonAsync(FakeRedditServer server, string pathAndQuery) =>
        JsonDocument.Parse(await Http.GetStringAsync(server.BaseUrl + pathAndQuery));

    private static string FirstTitle(JsonDocument page)
    {
        using (page)
        {
            return page.RootElement.GetProperty("data").GetProperty("children")[0].GetProperty("data").GetProperty("title").GetString()!;
        }
    }

    /// <summary>A token request as the client made it, without the connection the server saw it on.</summary>
    private static TokenRequest WithoutConnection(TokenRequest request) => request with { ConnectionId = null };
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using FakeReddit;
using Microsoft.Extensions.Time.Testing;

namespace RedditTop.Tests.Samples;

/// <summary>FakeReddit behaves like Reddit where reddittop depends on it.</summary>
public sealed class FakeRedditServerTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task Listing_Limit_ReturnsThatManyPostsAndNamesTheNextPage()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

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
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        using var page = await GetJsonAsync(sut, $"/r/python/top.json?t=day{limit}");

        Assert.Equal(expected, page.RootElement.GetProperty("data").GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Listing_After_ReturnsTheNextPage()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());
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
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        var escaped = FirstTitle(await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=1"));
        var raw = FirstTitle(await GetJsonAsync(sut, "/r/python/top.json?t=day&limit=1&raw_json=1"));

        Assert.Contains("&", raw, StringComparison.Ordinal);
        Assert.Contains("<", raw, StringComparison.Ordinal);
        Assert.Equal(raw.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), escaped);
    }

    [Fact]
    public async Task Listing_RecordedLegacyListing_IsServedRawWhenAskedFor()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        var body = await Http.GetStringAsync($"{sut.BaseUrl}/r/reddit_api_test/top.json?limit=25&raw_json=1");

        Assert.Contains("Hurricanes @ Red Wings & Wild @ Kings", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_TimeWindow_ChangesThePosts()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        var day = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1");
        var week = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=week&limit=5&raw_json=1");
        var dayAgain = await Http.GetStringAsync($"{sut.BaseUrl}/r/python/top.json?t=day&limit=5&raw_json=1");

        Assert.NotEqual(day, week);
        Assert.Equal(day, dayAgain);
    }

    [Fact]
    public async Task Listing_UnknownSubreddit_RedirectsToSearchLikeReddit()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/nosuchsub/top.json?raw_json=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"{sut.BaseUrl}/subreddits/search.json?q=nosuchsub", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Listing_Multireddit_MergesPostsByScore()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

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
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");
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
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/secret/top.json");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"reason":"private","message":"Forbidden","error":403}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Listing_Statuses_AnswersTheNthRequestWithTheNthStatusThenRepeatsTheLast()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Statuses = [503, 429, 200, 404];
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json?limit=3");
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
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
        await using var sut = await FakeRedditServer.StartAsync(scenario, timeProvider: time);

        using var tooMany = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");
        time.Advance(TimeSpan.FromSeconds(1.7));
        using var unavailable = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal("Tue, 03 Mar 2026 10:15:11 GMT", tooMany.Headers.GetValues("Retry-After").Single()); // 10:15:10.3, rounded up
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 15, 12, TimeSpan.Zero), unavailable.Headers.RetryAfter?.Date); // 10:15:12.0 exactly
    }

    [Fact]
    public async Task Listing_Budget_CountsEveryListingRequestAndAnswers429WhenSpent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero));
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { Budget = new RateBudget { Requests = 3, WindowSeconds = 10 } }, timeProvider: time);

        using var first = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");
        time.Advance(TimeSpan.FromSeconds(1));
        using var second = await Http.GetAsync($"{sut.BaseUrl}/r/rust/top.json");
        using var unknown = await Http.GetAsync($"{sut.BaseUrl}/r/nosuchsub/top.json");
        time.Advance(TimeSpan.FromSeconds(1.5));
        using var over = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");
        time.Advance(TimeSpan.FromSeconds(7.5)); // the second window starts 10 s after the first request
        using var nextWindow = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Found, HttpStatusCode.TooManyRequests, HttpStatusCode.OK],
            new[] { first, second, unknown, over, nextWindow }.Select(r => r.StatusCode));
        Assert.Equal(("1", "2.0", "10"), RateLimitHeaders(first));
        Assert.Equal(("2", "1.0", "9"), RateLimitHeaders(second));
        Assert.Equal(("3", "0.0", "9"), RateLimitHeaders(unknown));
        Assert.Equal(("4", "0.0", "8"), RateLimitHeaders(over)); // 7.5 s left, rounded up
        Assert.Equal(TimeSpan.FromSeconds(8), over.Headers.RetryAfter?.Delta);
        Assert.Contains("whoa there, pardner!", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("1", "2.0", "10"), RateLimitHeaders(nextWindow));
        Assert.Equal(1, sut.RateLimitedCount);
    }

    [Fact]
    public async Task Listing_Budget_CountsARequestWhenItArrivesNotWhenItIsAnswered()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario { Budget = new RateBudget { Requests = 1, WindowSeconds = 600 } });
        sut.Hold("python");

        var held = Http.GetAsync($"{sut.BaseUrl}/r/python/top.json");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (sut.Requests.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the held request never arrived");
            await Task.Delay(10); // until the held request has arrived
        }

        using var rust = await Http.GetAsync($"{sut.BaseUrl}/r/rust/top.json");
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
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        using var response = await Http.GetAsync($"{sut.BaseUrl}/r/python/top.json", HttpCompletionOption.ResponseHeadersRead);
        var sentContentLength = response.Content.Headers.NonValidated.Contains("Content-Length"); // before reading: a buffered body gets one computed
        var body = await response.Content.ReadAsByteArrayAsync();

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
    public async Task Listing_Posts_EndsPagingAfterThatMany()
    {
        var scenario = new Scenario();
        scenario.Configure("python").Posts = 30;
        await using var sut = await FakeRedditServer.StartAsync(scenario);

        var (ids, pages) = await PageThroughAsync(sut, "/r/python/top.json?t=day&limit=25&raw_json=1");

        Assert.Equal([25, 5], pages);
        Assert.Equal(30, ids.Distinct().Count());
    }

    [Fact]
    public async Task Listing_GeneratedSubreddit_PagesUpToAThousandDistinctPosts()
    {
        await using var sut = await FakeRedditServer.StartAsync(new Scenario());

        var (ids, pages) = await PageThroughAsync(sut, "/r/python/top.json?t=week&limit=100&raw_json=1");

        Assert.Equal(Enumerable.Repeat(100, 10), pages);
        Assert.Equal(1000, ids.Distinct().Count());
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

    private static (string Used, string Remaining, string Reset) RateLimitHeaders(HttpResponseMessage response) =>
        (response.Headers.GetValues("X-Ratelimit-Used").Single(),
         response.Headers.GetValues("X-Ratelimit-Remaining").Single(),
         response.Headers.GetValues("X-Ratelimit-Reset").Single());

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

    private static async Task<JsonDocument> GetJsonAsync(FakeRedditServer server, string pathAndQuery) =>
        JsonDocument.Parse(await Http.GetStringAsync(server.BaseUrl + pathAndQuery));

    private static string FirstTitle(JsonDocument page)
    {
        using (page)
        {
            return page.RootElement.GetProperty("data").GetProperty("children")[0].GetProperty("data").GetProperty("title").GetString()!;
        }
    }
}

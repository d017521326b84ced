using System.Net;
using System.Text.Json;
using FakeReddit;

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

using System.Text.Json;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Output;

public sealed class JsonFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    [Fact]
    public void End_SubredditNamedTwice_KeepsArgumentOrderAndEachResultAtItsOwnPosition()
    {
        var first = new SubredditQuery("pics", 10);
        var other = new SubredditQuery("news", 10);
        var second = new SubredditQuery("pics", 10);
        var sut = new JsonFormatter([first, other, second]);
        sut.Begin(Now);

        // Arrive in another order than the arguments; the two equal queries are told apart by reference.
        sut.Result(SubredditResult.Success(second, [new Post("second", 2, "https://example.com/2")]));
        sut.Result(SubredditResult.Success(other, [new Post("news", 3, "https://example.com/3")]));
        sut.Result(SubredditResult.Success(first, [new Post("first", 1, "https://example.com/1")]));
        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        var subreddits = document.RootElement.GetProperty("subreddits").EnumerateArray().ToList();
        Assert.Equal(["pics", "news", "pics"], subreddits.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["first", "news", "second"], subreddits.Select(s => s.GetProperty("posts")[0].GetProperty("title").GetString()));
    }

    [Fact]
    public void End_Failure_HasKindMessageAndStatusAndNoPosts()
    {
        var query = new SubredditQuery("gone", 10);
        var sut = new JsonFormatter([query]);
        sut.Begin(Now);
        sut.Result(SubredditResult.Fail(query, new FetchFailure(FailureKind.NotFound, 404)));

        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        var subreddit = document.RootElement.GetProperty("subreddits")[0];
        Assert.False(subreddit.GetProperty("ok").GetBoolean());
        var error = subreddit.GetProperty("error");
        Assert.Equal("not_found", error.GetProperty("kind").GetString());
        Assert.Equal("not found (HTTP 404)", error.GetProperty("message").GetString());
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.Equal(0, subreddit.GetProperty("posts").GetArrayLength());
    }

    [Fact]
    public void End_FailureWithoutStatus_HasNullStatusAndTheSameMessageAsStderr()
    {
        var query = new SubredditQuery("slow", 10);
        var failure = new FetchFailure(FailureKind.TimedOut, Limit: TimeSpan.FromSeconds(2.5), Attempts: 3);
        var sut = new JsonFormatter([query]);
        sut.Begin(Now);
        sut.Result(SubredditResult.Fail(query, failure));

        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        var error = document.RootElement.GetProperty("subreddits")[0].GetProperty("error");
        Assert.Equal("timed_out", error.GetProperty("kind").GetString());
        Assert.Equal("timed out after 2.5 s, 3 attempts", error.GetProperty("message").GetString()); // as stderr words it
        Assert.Equal(JsonValueKind.Null, error.GetProperty("status").ValueKind);
    }

    [Fact]
    public void End_EmptyListing_IsOkWithNoErrorAndNoPosts()
    {
        var query = new SubredditQuery("empty", 10);
        var sut = new JsonFormatter([query]);
        sut.Begin(Now);
        sut.Result(SubredditResult.Success(query, []));

        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        var subreddit = document.RootElement.GetProperty("subreddits")[0];
        Assert.True(subreddit.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, subreddit.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Array, subreddit.GetProperty("posts").ValueKind);
        Assert.Equal(0, subreddit.GetProperty("posts").GetArrayLength());
    }

    [Fact]
    public void End_HostilePosts_ParseBackToTheExactValues()
    {
        var query = new SubredditQuery("test", 10);
        var sut = new JsonFormatter([query]);
        sut.Begin(Now);
        sut.Result(SubredditResult.Success(query, HostilePosts.All));

        var output = sut.End();

        Assert.DoesNotContain(output, HostilePosts.IsDangerous);
        using var document = JsonDocument.Parse(output);
        var posts = document.RootElement.GetProperty("subreddits")[0].GetProperty("posts").EnumerateArray().ToList();
        var expected = HostilePosts.Rows("test", HostilePosts.All);
        Assert.Equal(expected.Count, posts.Count);
        for (var i = 0; i < posts.Count; i++)
        {
            JsonAssert.PostEquals(expected[i], posts[i]);
        }
    }

    [Fact]
    public void End_BeginWithAnOffset_FetchedAtIsTheSameInstantInUtc()
    {
        var sut = new JsonFormatter([]);
        sut.Begin(new DateTimeOffset(2026, 11, 27, 8, 12, 30, TimeSpan.FromHours(2)));

        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        Assert.Equal("2026-11-27T06:12:30Z", document.RootElement.GetProperty("fetched_at").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("subreddits").GetArrayLength());
    }

    [Fact]
    public void BeginAndResult_Always_WriteNothingUntilEnd()
    {
        var query = new SubredditQuery("pics", 10);
        var sut = new JsonFormatter([query]);

        var begin = sut.Begin(Now);
        var result = sut.Result(SubredditResult.Success(query, [new Post("t", 1, "https://example.com/")]));

        Assert.Equal("", begin);
        Assert.Equal("", result);
        Assert.EndsWith("}\n", sut.End(), StringComparison.Ordinal);
    }

    [Fact]
    public void End_ResultForAQueryNotGiven_GoesLast()
    {
        var known = new SubredditQuery("pics", 10);
        var sut = new JsonFormatter([known]);
        sut.Begin(Now);
        sut.Result(SubredditResult.Success(new SubredditQuery("pics", 10), []));
        sut.Result(SubredditResult.Success(known, [new Post("known", 1, "https://example.com/")]));

        var output = sut.End();

        using var document = JsonDocument.Parse(output);
        var subreddits = document.RootElement.GetProperty("subreddits");
        Assert.Equal(2, subreddits.GetArrayLength());
        Assert.Equal(1, subreddits[0].GetProperty("posts").GetArrayLength());
        Assert.Equal(0, subreddits[1].GetProperty("posts").GetArrayLength());
    }

    [Fact]
    public void End_MixedRun_MatchesExpectedFileByteForByte()
    {
        SubredditQuery[] queries = [new("pics", 10), new("gone", 10), new("empty", 10), new("limited", 10)];
        var sut = new JsonFormatter(queries);
        sut.Begin(Now);
        sut.Result(SubredditResult.Fail(queries[3], new FetchFailure(FailureKind.RateLimited, 429, RetryAfter: TimeSpan.FromSeconds(3.2), Attempts: 2)));
        sut.Result(SubredditResult.Success(queries[2], [], Now.AddSeconds(-90), cached: true));
        sut.Result(SubredditResult.Fail(queries[1], new FetchFailure(FailureKind.NotFound, 404)));
        sut.Result(SubredditResult.Success(queries[0],
        [
            new Post("Café 🐍 & <friends>", 1520, "https://i.example.com/a.jpg", Id: "abc", Permalink: "/r/pics/comments/abc/cafe/",
                Subreddit: "pics", CreatedUtc: 1700000000, Author: "me", NumComments: 42, Domain: "i.example.com", Flair: "OC"),
            new Post("\u001b[31mred\u001b[0m \"quoted\"", -2, "https://example.com/b", Id: "def", Over18: true, Stickied: true),
        ], Now.AddSeconds(2)));

        var output = sut.End();

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Output", "Expected", "json_mixed.json"));
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(nameof(FailureKind.NotFound), "not_found")]
    [InlineData(nameof(FailureKind.RateLimited), "rate_limited")]
    [InlineData(nameof(FailureKind.TimedOut), "timed_out")]
    [InlineData(nameof(FailureKind.GoldOnly), "gold_only")]
    [InlineData(nameof(FailureKind.AuthenticationFailed), "authentication_failed")]
    [InlineData(nameof(FailureKind.InvalidJson), "invalid_json")]
    [InlineData(nameof(FailureKind.Network), "network")]
    public void KindName_Kind_IsSnakeCase(string kind, string expected) =>
        Assert.Equal(expected, JsonFormatter.KindName(Enum.Parse<FailureKind>(kind)));

    [Fact]
    public void KindName_EveryKind_IsDistinctLowercaseSnakeCase()
    {
        var names = Enum.GetValues<FailureKind>().Select(JsonFormatter.KindName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Matches("^[a-z]+(_[a-z0-9]+)*$", name));
    }
}

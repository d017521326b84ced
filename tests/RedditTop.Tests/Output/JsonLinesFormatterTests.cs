using System.Text.Json;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Output;

public sealed class JsonLinesFormatterTests
{
    [Fact]
    public void Result_HostilePosts_EachLineParsesBackToTheExactValues()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", HostilePosts.All));

        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        var lines = output[..^1].Split('\n');
        var expected = HostilePosts.Rows("test", HostilePosts.All);
        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            JsonAssert.PostEquals(expected[i], document.RootElement);
        }
    }

    [Fact]
    public void Result_HostilePosts_NoControlOrBidiCharacterReachesTheOutput()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", HostilePosts.All));

        Assert.DoesNotContain(output, HostilePosts.IsDangerous);
        Assert.Contains("\\u001B[31mred", output, StringComparison.Ordinal);
        Assert.Contains("\\u202Eevil", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_EmojiAccentsAndHtmlCharacters_AreWrittenAsThemselves()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", [new Post("Café 🐍 AT&T <b> 日本語", 1, "https://example.com/")]));

        Assert.Contains("\"title\":\"Café 🐍 AT&T <b> 日本語\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_EscapedBackslashBeforeU_IsNotReadAsAnEscape()
    {
        var sut = new JsonLinesFormatter();
        var title = "\\uD83D\\uDC0D is not an emoji, \\\\u202E is not a control";

        var output = sut.Result(HostilePosts.Success("test", [new Post(title, 1, "https://example.com/")]));

        using var document = JsonDocument.Parse(output);
        Assert.Equal(title, document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Result_MissingOptionalValues_AreJsonNull()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", [new Post("t", 1, "https://example.com/")]));

        using var document = JsonDocument.Parse(output);
        foreach (var name in new[] { "id", "permalink", "author", "num_comments", "created_utc", "created", "domain", "flair" })
        {
            Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty(name).ValueKind);
        }
    }

    [Fact]
    public void Result_NotANumberTime_IsJsonNull()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", [new Post("t", 1, "https://example.com/", CreatedUtc: double.NaN)]));

        using var document = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("created_utc").ValueKind);
    }

    [Fact]
    public void Result_KnownPost_IsOneCompactLineWithAbsolutePermalinkAndBothTimes()
    {
        var sut = new JsonLinesFormatter();
        var post = new Post("Hello", 12, "https://example.com/x", Id: "abc", Permalink: "/r/pics/comments/abc/hello/",
            CreatedUtc: 1700000000, Author: "me", NumComments: 3, Domain: "example.com", Flair: "OC");

        var output = sut.Result(HostilePosts.Success("pics", [post]));

        Assert.Equal(
            """{"subreddit":"pics","rank":1,"id":"abc","title":"Hello","score":12,"url":"https://example.com/x","permalink":"https://www.reddit.com/r/pics/comments/abc/hello/","author":"me","num_comments":3,"created_utc":1700000000,"created":"2023-11-14T22:13:20Z","over_18":false,"stickied":false,"domain":"example.com","flair":"OC","is_new":false,"fetched_at":null,"cached":false}""" + "\n",
            output);
    }

    [Fact]
    public void Result_FromALocalCopy_EveryLineSaysWhenItWasFetchedAndThatItIsCached()
    {
        var sut = new JsonLinesFormatter();
        var fetchedAt = new DateTimeOffset(2026, 11, 27, 7, 12, 30, TimeSpan.FromHours(1));
        Post[] posts = [new("a", 3, "https://a/"), new("b", 2, "https://b/")];

        var output = sut.Result(SubredditResult.Success(new SubredditQuery("x", 2), posts, fetchedAt, cached: true));

        Assert.All(output.TrimEnd('\n').Split('\n'), line =>
            Assert.EndsWith(""","is_new":false,"fetched_at":"2026-11-27T06:12:30Z","cached":true}""", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Result_SeveralPosts_RanksStartAtOneWithinTheSubreddit()
    {
        var sut = new JsonLinesFormatter();
        Post[] posts = [new("a", 3, "https://a/"), new("b", 2, "https://b/"), new("c", 1, "https://c/")];

        var output = sut.Result(HostilePosts.Success("x", posts));

        var ranks = output.TrimEnd('\n').Split('\n').Select(static line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("rank").GetInt32();
        });
        Assert.Equal([1, 2, 3], ranks);
    }

    [Fact]
    public void Result_LoneSurrogate_IsWrittenAsReplacementCharacter()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(HostilePosts.Success("test", [new Post("bad \uD800 half", 1, "https://example.com/")]));

        using var document = JsonDocument.Parse(output);
        Assert.Equal("bad \uFFFD half", document.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Result_Failure_WritesNothing()
    {
        var sut = new JsonLinesFormatter();

        var output = sut.Result(SubredditResult.Fail(new SubredditQuery("gone", 10), new FetchFailure(FailureKind.NotFound, 404)));

        Assert.Equal("", output);
    }

    [Fact]
    public void Result_EmptyListing_WritesNothing() =>
        Assert.Equal("", new JsonLinesFormatter().Result(HostilePosts.Success("empty", [])));

    [Fact]
    public void BeginAndEnd_Always_WriteNothing()
    {
        var sut = new JsonLinesFormatter();

        var begin = sut.Begin(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        var end = sut.End();

        Assert.Equal("", begin);
        Assert.Equal("", end);
    }
}

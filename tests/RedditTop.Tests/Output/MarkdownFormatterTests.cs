using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Output;

public sealed class MarkdownFormatterTests
{
    [Fact]
    public void Result_HostilePostsFailureAndEmptyListing_MatchExpectedFileByteForByte()
    {
        var sut = new MarkdownFormatter();

        var output = sut.Begin(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero))
            + sut.Result(HostilePosts.Success("learn_python", HostilePosts.All))
            + sut.Result(SubredditResult.Fail(new SubredditQuery("gone", 10), new FetchFailure(FailureKind.NotFound, 404)))
            + sut.Result(HostilePosts.Success("empty", []))
            + sut.End();

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Output", "Expected", "markdown_hostile.md"));
        Assert.Equal(expected, output);
        Assert.DoesNotContain(output, HostilePosts.IsDangerous);
    }

    [Fact]
    public void Result_OnePost_IsHeadingEmptyLineAndOneListItem()
    {
        var sut = new MarkdownFormatter();

        var output = sut.Result(HostilePosts.Success("pics", [new Post("Sunset", 1520, "https://i.example.com/a.jpg")]));

        Assert.Equal("## r/pics\n\n- [Sunset](https://i.example.com/a.jpg) (1520)\n", output);
    }

    [Fact]
    public void Result_SecondSubreddit_IsSeparatedByAnEmptyLine()
    {
        var sut = new MarkdownFormatter();
        sut.Result(HostilePosts.Success("a", [new Post("x", 1, "https://a/")]));

        var output = sut.Result(HostilePosts.Success("b", [new Post("y", 2, "https://b/")]));

        Assert.Equal("\n## r/b\n\n- [y](https://b/) (2)\n", output);
    }

    [Fact]
    public void Result_EmptyListing_SaysNoPosts() =>
        Assert.Equal("## r/empty\n\n_(no posts)_\n", new MarkdownFormatter().Result(HostilePosts.Success("empty", [])));

    [Fact]
    public void Result_Failure_WritesNothing()
    {
        var sut = new MarkdownFormatter();

        var output = sut.Result(SubredditResult.Fail(new SubredditQuery("gone", 10), new FetchFailure(FailureKind.Private, 403)));

        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("plain words 123", "plain words 123")]
    [InlineData("*bold* and _em_", "\\*bold\\* and \\_em\\_")]
    [InlineData("`code` [link](x) ![img](y)", "\\`code\\` \\[link\\]\\(x\\) \\!\\[img\\]\\(y\\)")]
    [InlineData("# 1. + - | {x}", "\\# 1\\. \\+ \\- \\| \\{x\\}")]
    [InlineData("<b>AT&T</b> &amp;", "\\<b\\>AT\\&T\\</b\\> \\&amp;")]
    [InlineData("~~gone~~ $5 and $10", "\\~\\~gone\\~\\~ \\$5 and \\$10")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("Café 🐍 \"quoted\" 'single'", "Café 🐍 \"quoted\" 'single'")]
    public void EscapeText_MarkupCharacters_AreBackslashEscaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownFormatter.EscapeText(text));

    [Fact]
    public void EscapeText_EscapesAndNewlines_AreCleanedFirst() =>
        Assert.Equal("one two  \\[31mred", MarkdownFormatter.EscapeText("one\ntwo\u202E\t\u001b[31mred"));

    [Theory]
    [InlineData("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2")]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_%28bar%29")]
    [InlineData("https://example.com/a b", "https://example.com/a%20b")]
    [InlineData("https://example.com/<x>", "https://example.com/%3Cx%3E")]
    [InlineData("https://example.com/a\\b", "https://example.com/a\\\\b")]
    [InlineData("https://example.com/?q=&amp;&#38;&x", "https://example.com/?q=\\&amp;\\&#38;&x")]
    [InlineData("https://example.com/*_[]", "https://example.com/*_[]")]
    [InlineData("https://example.com/\u001b[2J", "https://example.com/%20[2J")]
    public void EscapeUrl_CharactersThatWouldEndTheLink_AreEncoded(string url, string expected) =>
        Assert.Equal(expected, MarkdownFormatter.EscapeUrl(url));
}

using System.Text;
using System.Text.Json;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Reddit.Listings;

/// <summary>A character that is not text costs only itself (U+FFFD), never the post or the page.</summary>
public sealed class LenientStringConverterTests
{
    public static TheoryData<string, string> BadTitles => new()
    {
        { "lone high surrogate escape", "a\\ud800b" },
        { "lone low surrogate escape", "a\\udfffb" },
        { "high surrogate escape then a letter escape", "a\\ud800\\u0062" },
        { "invalid byte", "a\u00ffb" },
        { "encoded surrogate", "a\u00ed\u00a0\u0080b" },
        { "invalid byte beside an escape", "a\u00ff\\u0062" },
    };

    [Theory]
    [MemberData(nameof(BadTitles))]
    public void Deserialize_TitleWithACharacterThatIsNotText_KeepsThePostWithReplacementCharacters(string what, string title)
    {
        var posts = Read(title, flair: title, author: title);

        var post = Assert.Single(posts);
        foreach (var field in new[] { post.Title, post.Flair!, post.Author! })
        {
            Assert.StartsWith("a\uFFFD", field, StringComparison.Ordinal);
            Assert.EndsWith("b", field, StringComparison.Ordinal);
            Assert.False(field.Any(char.IsSurrogate), $"{what}: a surrogate is left in '{field}'");
        }
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("escaped \\\"quote\\\" \\\\ \\/ \\n\\t", "escaped \"quote\" \\ / \n\t")]
    [InlineData("pair \\ud83d\\ude00 and \u00f0\u009f\u0098\u0080", "pair \U0001F600 and \U0001F600")]
    [InlineData("caf\u00c3\u00a9 \\u00e9", "café é")]
    public void Deserialize_WellFormedText_ReadsAsBefore(string raw, string expected) =>
        Assert.Equal(expected, Assert.Single(Read(raw)).Title);

    [Theory]
    [InlineData("\\ud800\u00ff", "\uFFFD\uFFFD")]
    [InlineData("x\\ud83d\\ude00\\ud800", "x\U0001F600\uFFFD")]
    [InlineData("\\b\\f\\r\\\\\u00ff", "\b\f\r\\\uFFFD")]
    public void Unescape_EscapesAndBadBytes_ResolvesEachOne(string raw, string expected) =>
        Assert.Equal(expected, LenientStringConverter.Unescape(Latin1(raw)));

    [Theory]
    [InlineData("x", 100_000)]
    [InlineData("\\u00e9", 20_000)]
    [InlineData("\u00c3\u00a9", 50_000)]
    public void Deserialize_StringFarLongerThanAnyRedditField_IsCutAndMarked(string unit, int count)
    {
        var post = Assert.Single(Read(string.Concat(Enumerable.Repeat(unit, count)), author: string.Concat(Enumerable.Repeat(unit, count))));

        foreach (var field in new[] { post.Title, post.Author! })
        {
            Assert.Equal(LenientStringConverter.MaxLength + 1, field.Length);
            Assert.Equal(LenientStringConverter.Cut, field[^1]);
            Assert.DoesNotContain('\uFFFD', field);
        }
    }

    [Fact]
    public void Deserialize_CutBetweenTheHalvesOfAPair_KeepsThePairWhole()
    {
        var title = new string('x', LenientStringConverter.MaxLength - 1) + string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 10));

        var cut = Assert.Single(Read(title)).Title;

        Assert.Equal(new string('x', LenientStringConverter.MaxLength - 1) + LenientStringConverter.Cut, cut);
    }

    [Fact]
    public void Deserialize_StringOfExactlyTheLongestLength_IsKeptWhole()
    {
        var title = new string('y', LenientStringConverter.MaxLength);

        Assert.Equal(title, Assert.Single(Read(title)).Title);
    }

    [Fact]
    public void Deserialize_NumberWhereTextBelongs_StillFailsWithItsPath()
    {
        var body = """{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": 5, "score": 1, "url": "u"}}]}}""";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(body, RedditJsonContext.Default.Listing));

        Assert.Equal("$.data.children[0].data.title", error.Path);
    }

    /// <summary>A listing of one post whose fields hold <paramref name="title"/> etc. as raw bytes: each char of the C# string is one byte.</summary>
    private static IReadOnlyList<Post> Read(string title, string flair = "f", string author = "someone")
    {
        var body = Latin1($$$"""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "{{{title}}}", "score": 1, "url": "https://example.com/", "author": "{{{author}}}", "link_flair_text": "{{{flair}}}"}}]}}""");
        var listing = JsonSerializer.Deserialize(body, RedditJsonContext.Default.Listing);
        Assert.True(ListingReader.TryGetPosts(listing, out var posts, out var problem), problem);
        return posts;
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}

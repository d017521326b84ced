using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Output;

/// <summary>Posts whose text tries every way to break a format or a terminal, and helpers to read formats back.</summary>
internal static class HostilePosts
{
    public const string Escapes = "\u001b[31mred\u001b[0m and OSC \u001b]0;pwned\u0007 bell";

    public const string Bidi = "bidi \u202Eevil\u202C and isolate \u2066x\u2069";

    public static readonly IReadOnlyList<Post> All =
    [
        new("Commas, \"quotes\", 'apostrophes', and a \"\"double\"\"", 1234, "https://example.com/a,b?q=\"x\"",
            Id: "p1", Permalink: "/r/test/comments/p1/commas/", Subreddit: "test", CreatedUtc: 1700000000, Author: "a_b",
            NumComments: 56, Domain: "example.com", Flair: "Meta, \"serious\""),
        new("tab\there, newline\nthere, CR\r\nCRLF and a trailing tab\t", -3, "https://example.com/tabs",
            Id: "p2", Permalink: "/r/test/comments/p2/tabs/", CreatedUtc: 1700000000.5, Author: "tabby", NumComments: 0, Over18: true),
        new("emoji 🐍🎉 accents Café naïve Ångström 日本語 Ελληνικά", 7, "https://example.com/é/🐍",
            Id: "p3", Permalink: "/r/test/comments/p3/emoji/", CreatedUtc: 1700000001, Author: "ünï", Domain: "example.com", Flair: "🎉"),
        new("AT&T <b>bold</b> & <script>alert(1)</script> &amp; done", 0, "https://example.com/?a=1&b=2",
            Id: "p4", Stickied: true),
        new(Escapes, 99, "https://example.com/\u001b[2J", Id: "p5", Author: "\u001b]0;x\u0007", Flair: "\u001b[5mblink"),
        new(Bidi + " and backslash \\ and a literal \\t and \\n", 5, "https://example.com/back\\slash",
            Id: "p6", Author: "rtl\u202E", Domain: "bidi\u202Edomain"),
        new("  padded  ", 1, "https://example.com/pad"),
        new("*stars* _under_ `code` [link](x) # + - . ! | { } ~strike~ $5 and $10", 42, "https://en.wikipedia.org/wiki/Foo_(bar) baz"),
    ];

    public static SubredditResult Success(string name, IReadOnlyList<Post> posts) => SubredditResult.Success(new SubredditQuery(name, 10), posts);

    /// <summary>The rows every machine format must give back, in order.</summary>
    public static IReadOnlyList<PostRow> Rows(string subreddit, IReadOnlyList<Post> posts) =>
        posts.Select((post, i) => PostRow.From(subreddit, i + 1, post)).ToList();

    /// <summary>Whether a character could drive a terminal or reorder text: a control other than <c>\n</c>, or a bidi control.</summary>
    public static bool IsDangerous(char c) =>
        (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}

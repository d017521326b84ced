using System.Globalization;
using System.Text;
using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// Markdown (<c>-f markdown</c>, CommonMark and GitHub Flavored Markdown): per subreddit a heading <c>## r/name</c>, an
/// empty line and a list of <c>- [title](url) (score)</c>; an empty listing reads <c>_(no posts)_</c>. Subreddits are
/// separated by an empty line. Failures write nothing (they are on stderr). Text from the server is cleaned with
/// <see cref="Sanitizer"/>, then escaped so a title renders as the text it is and a URL as one whole link.
/// </summary>
internal sealed class MarkdownFormatter : IOutputFormat
{
    /// <summary>
    /// Characters a title must not use as markup: emphasis, code, links and images, HTML and entities, strikethrough
    /// and math (GitHub), and those that start headings, lists and tables. Every one is ASCII punctuation, which
    /// CommonMark lets a backslash escape.
    /// </summary>
    private const string Markup = "\\`*_{}[]()#+-.!|<>&~$";

    private int _blocks;

    public string Begin(DateTimeOffset now) => "";

    public string Result(SubredditResult result)
    {
        if (result.Posts is not { } posts)
        {
            return "";
        }

        var block = new StringBuilder(64 + (posts.Count * 160));
        if (_blocks++ > 0)
        {
            block.Append('\n');
        }

        block.Append("## r/").Append(EscapeText(result.Query.Name)).Append("\n\n");
        if (posts.Count == 0)
        {
            block.Append("_(no posts)_\n");
        }

        foreach (var post in posts)
        {
            block.Append("- [").Append(EscapeText(post.Title)).Append("](").Append(EscapeUrl(post.Url)).Append(") (")
                .Append(post.Score.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        }

        return block.ToString();
    }

    public string End() => "";

    /// <summary>Text cleaned (<see cref="Sanitizer"/>) and every markup character backslash-escaped: <c>a\*b\*</c>.</summary>
    public static string EscapeText(string text)
    {
        var clean = Sanitizer.Clean(text);
        if (clean.AsSpan().IndexOfAny(Markup) < 0)
        {
            return clean;
        }

        var escaped = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            if (Markup.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A URL as a link destination that ends where the URL ends: cleaned (<see cref="Sanitizer"/>), spaces, parentheses
    /// and angle brackets percent-encoded, a backslash escaped, and an <c>&amp;</c> escaped where it would start an
    /// entity (<c>&amp;amp;</c>), so the link goes where the URL says.
    /// </summary>
    public static string EscapeUrl(string url)
    {
        var clean = Sanitizer.Clean(url);
        var escaped = new StringBuilder(clean.Length + 16);
        for (var i = 0; i < clean.Length; i++)
        {
            _ = clean[i] switch
            {
                ' ' => escaped.Append("%20"),
                '(' => escaped.Append("%28"),
                ')' => escaped.Append("%29"),
                '<' => escaped.Append("%3C"),
                '>' => escaped.Append("%3E"),
                '\\' => escaped.Append("\\\\"),
                '&' when StartsEntity(clean, i) => escaped.Append("\\&"),
                var c => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>Whether <c>&amp;</c> at <paramref name="index"/> begins <c>&amp;name;</c> or <c>&amp;#123;</c>.</summary>
    private static bool StartsEntity(string text, int index)
    {
        var end = index + 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '#'))
        {
            end++;
        }

        return end > index + 1 && end < text.Length && text[end] == ';';
    }
}

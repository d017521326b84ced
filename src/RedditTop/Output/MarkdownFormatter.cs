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

    public void Begin(DateTimeOffset now, StringBuilder output)
    {
    }

    public void Result(SubredditResult result, StringBuilder block)
    {
        if (result.Posts is not { } posts)
        {
            return;
        }

        if (_blocks++ > 0)
        {
            block.Append('\n');
        }

        AppendText(block.Append("## r/"), result.Query.Name).Append("\n\n");
        if (posts.Count == 0)
        {
            block.Append("_(no posts)_\n");
        }

        foreach (var post in posts)
        {
            AppendText(block.Append("- ["), post.Title).Append("](");
            AppendUrl(block, post.Url).Append(CultureInfo.InvariantCulture, $") ({post.Score})\n");
        }
    }

    public void End(StringBuilder output)
    {
    }

    /// <summary>Text cleaned (<see cref="Sanitizer"/>) and every markup character backslash-escaped: <c>a\*b\*</c>.</summary>
    public static string EscapeText(string text) => AppendText(new StringBuilder(), text).ToString();

    /// <summary>A URL as a link destination (see <see cref="AppendUrl"/>).</summary>
    public static string EscapeUrl(string url) => AppendUrl(new StringBuilder(), url).ToString();

    private static StringBuilder AppendText(StringBuilder escaped, string text)
    {
        var clean = Sanitizer.Clean(text);
        if (clean.AsSpan().IndexOfAny(Markup) < 0)
        {
            return escaped.Append(clean);
        }

        foreach (var c in clean)
        {
            if (Markup.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped;
    }

    /// <summary>
    /// A URL as a link destination that ends where the URL ends: cleaned (<see cref="Sanitizer"/>), spaces, parentheses
    /// and angle brackets percent-encoded, a backslash escaped, and an <c>&amp;</c> escaped where it would start an
    /// entity (<c>&amp;amp;</c>), so the link goes where the URL says.
    /// </summary>
    private static StringBuilder AppendUrl(StringBuilder escaped, string url)
    {
        var clean = Sanitizer.Clean(url);
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

        return escaped;
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

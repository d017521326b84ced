using System.Globalization;
using System.Text;
using RedditTop.Reddit.Models;

namespace RedditTop.Output;

/// <summary>
/// The tutorial's plain-text layout: a date line and 27 dashes, then per subreddit an empty line,
/// <c>/r/name:</c>, and per post <c>\tscore: title</c> and <c>\t\t(url)</c>; an empty listing reads <c>\t(no posts)</c>.
/// </summary>
internal static class TextFormatter
{
    public static string FormatHeader(DateTimeOffset now) =>
        now.ToString("dddd, MMMM dd, hh:mm tt", CultureInfo.InvariantCulture) + "\n" + new string('-', 27) + "\n";

    public static string FormatBlock(string name, IReadOnlyList<Post> posts)
    {
        var block = new StringBuilder(64 + (posts.Count * 160));
        block.Append("\n/r/").Append(name).Append(":\n");
        if (posts.Count == 0)
        {
            block.Append("\t(no posts)\n");
        }

        foreach (var post in posts)
        {
            block.Append('\t').Append(post.Score.ToString(CultureInfo.InvariantCulture)).Append(": ");
            AppendSingleLine(block, post.Title);
            block.Append("\n\t\t(");
            AppendSingleLine(block, post.Url);
            block.Append(")\n");
        }

        return block.ToString();
    }

    /// <summary>Appends text with control characters (a stray newline or tab in a title) shown as spaces, so each post keeps its two lines.</summary>
    private static void AppendSingleLine(StringBuilder block, string text)
    {
        foreach (var c in text)
        {
            block.Append(char.IsControl(c) ? ' ' : c);
        }
    }
}

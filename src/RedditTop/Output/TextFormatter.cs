using System.Globalization;
using System.Text;
using RedditTop.Reddit;
using RedditTop.Reddit.Models;

namespace RedditTop.Output;

/// <summary>
/// The tutorial's plain-text layout (<c>-f text</c>, the default): a date line and 27 dashes, then per subreddit an
/// empty line, <c>/r/name:</c>, and per post <c>\tscore: title</c> and <c>\t\t(url)</c>; an empty listing reads
/// <c>\t(no posts)</c>. With colour, the heading is bold, the score yellow and the URL dim; with new posts marked, a
/// <c>*</c> stands before the score of each; nothing else changes.
/// </summary>
internal sealed class TextFormatter(bool color = false, bool header = true, bool markNew = false) : IOutputFormat
{
    private const string Bold = "\u001b[1m";
    private const string Yellow = "\u001b[33m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    public static string FormatHeader(DateTimeOffset now) =>
        now.ToString("dddd, MMMM dd, hh:mm tt", CultureInfo.InvariantCulture) + "\n" + new string('-', 27) + "\n";

    public string Begin(DateTimeOffset now) => header ? FormatHeader(now) : "";

    public string Result(SubredditResult result) => result.Posts is { } posts ? FormatBlock(result.Query.Name, posts, color, markNew) : "";

    public string End() => "";

    /// <summary>One subreddit's block. Text from the server is cleaned (<see cref="Sanitizer"/>), so each post keeps its two lines.</summary>
    public static string FormatBlock(string name, IReadOnlyList<Post> posts, bool color = false, bool markNew = false)
    {
        var block = new StringBuilder(64 + (posts.Count * 160));
        block.Append('\n').Append(Paint(Bold, $"/r/{name}:", color)).Append('\n');
        if (posts.Count == 0)
        {
            block.Append("\t(no posts)\n");
        }

        foreach (var post in posts)
        {
            block.Append('\t').Append(markNew && post.IsNew ? "*" : "").Append(Paint(Yellow, post.Score.ToString(CultureInfo.InvariantCulture), color))
                .Append(": ").AppendClean(post.Title)
                .Append("\n\t\t").Append(Paint(Dim, "(" + Sanitizer.Clean(post.Url) + ")", color)).Append('\n');
        }

        return block.ToString();
    }

    private static string Paint(string style, string text, bool color) => color ? style + text + Reset : text;
}

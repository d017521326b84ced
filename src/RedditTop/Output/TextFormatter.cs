using System.Globalization;
using System.Text;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>
/// The tutorial's plain-text layout (<c>-f text</c>, the default): a date line and 27 dashes, then per subreddit an
/// empty line, <c>/r/name:</c>, and per post <c>\tscore: title</c> and <c>\t\t(url)</c>; an empty listing reads
/// <c>\t(no posts)</c>. With colour, the heading is bold, the score yellow and the URL dim; with new posts marked, a
/// <c>*</c> stands before the score of each; nothing else changes.
/// </summary>
internal sealed class TextFormatter(bool color = false, bool header = true, Func<Post, bool>? markNew = null) : IOutputFormat
{
    private const string Bold = "\u001b[1m";
    private const string Yellow = "\u001b[33m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    public static string FormatHeader(DateTimeOffset now) =>
        now.ToString("dddd, MMMM dd, hh:mm tt", CultureInfo.InvariantCulture) + "\n" + new string('-', 27) + "\n";

    public void Begin(DateTimeOffset now, StringBuilder output)
    {
        if (header)
        {
            output.Append(FormatHeader(now));
        }
    }

    public void Result(SubredditResult result, StringBuilder output)
    {
        if (result.Posts is { } posts)
        {
            AppendBlock(output, result.Query.Name, posts, color, markNew);
        }
    }

    public void End(StringBuilder output)
    {
    }

    /// <summary>One subreddit's block as a string (see <see cref="AppendBlock"/>).</summary>
    public static string FormatBlock(string name, IReadOnlyList<Post> posts, bool color = false, Func<Post, bool>? markNew = null) =>
        AppendBlock(new StringBuilder(), name, posts, color, markNew).ToString();

    /// <summary>
    /// One subreddit's block. Text from the server is cleaned (<see cref="Sanitizer"/>), so each post keeps its two
    /// lines; a post <paramref name="markNew"/> says is new gets a <c>*</c>.
    /// </summary>
    public static StringBuilder AppendBlock(StringBuilder block, string name, IReadOnlyList<Post> posts, bool color = false, Func<Post, bool>? markNew = null)
    {
        block.Append('\n');
        Start(block, Bold, color).Append("/r/").Append(name).Append(':');
        End(block, color).Append('\n');
        if (posts.Count == 0)
        {
            block.Append("\t(no posts)\n");
        }

        foreach (var post in posts)
        {
            block.Append('\t');
            if (markNew?.Invoke(post) == true)
            {
                block.Append('*');
            }

            Start(block, Yellow, color).Append(CultureInfo.InvariantCulture, $"{post.Score}");
            End(block, color).Append(": ").AppendClean(post.Title).Append("\n\t\t");
            Start(block, Dim, color).Append('(').AppendClean(post.Url).Append(')');
            End(block, color).Append('\n');
        }

        return block;
    }

    private static StringBuilder Start(StringBuilder block, string style, bool color) => color ? block.Append(style) : block;

    private static StringBuilder End(StringBuilder block, bool color) => color ? block.Append(Reset) : block;
}

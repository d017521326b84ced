using System.Text;
using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// JSON Lines (<c>-f jsonl</c>): one object per post, one per line, with the members of <see cref="PostRow.Names"/> in
/// order. A failure or an empty listing writes nothing (failures are on stderr), so stdout is always valid JSON Lines
/// and each line can be read the moment its subreddit arrives.
/// </summary>
internal sealed class JsonLinesFormatter : IOutputFormat
{
    public string Begin(DateTimeOffset now) => "";

    public string Result(SubredditResult result)
    {
        if (result.Posts is not { Count: > 0 } posts)
        {
            return "";
        }

        var lines = new StringBuilder(posts.Count * 512);
        for (var i = 0; i < posts.Count; i++)
        {
            var row = PostRow.From(result.Query.Name, i + 1, posts[i]);
            lines.Append(JsonOutput.Write(JsonOutput.Compact, row, JsonOutput.WritePost)).Append('\n');
        }

        return lines.ToString();
    }

    public string End() => "";
}

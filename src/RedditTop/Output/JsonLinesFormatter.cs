using System.Text;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>
/// JSON Lines (<c>-f jsonl</c>): one object per post, one per line, with the members of <see cref="PostRow.Names"/> in
/// order. A failure or an empty listing writes nothing (failures are on stderr), so stdout is always valid JSON Lines
/// and each line can be read the moment its subreddit arrives.
/// </summary>
internal sealed class JsonLinesFormatter(Func<Post, bool>? isNew = null) : IOutputFormat
{
    private readonly Func<Post, bool> _isNew = isNew ?? OutputFormats.NoneNew;

    public void Begin(DateTimeOffset now, StringBuilder output)
    {
    }

    public void Result(SubredditResult result, StringBuilder output)
    {
        var posts = result.Posts ?? [];
        for (var i = 0; i < posts.Count; i++)
        {
            JsonOutput.Write(output, JsonOutput.Compact, PostRow.From(result, i + 1, posts[i], _isNew(posts[i])), JsonOutput.WritePost);
            output.Append('\n');
        }
    }

    public void End(StringBuilder output)
    {
    }
}

using System.Text;
using System.Text.Json;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>
/// One JSON document (<c>-f json</c>), written when every subreddit is done:
/// <c>{"fetched_at": "...Z", "subreddits": [{"name", "ok", "fetched_at", "cached", "error", "posts"}]}</c>, the
/// subreddits in the order they were named on the command line. The document's <c>fetched_at</c> is when the round
/// started; a subreddit's, when its listing came from Reddit (for one read from a local copy, <c>"cached": true</c>
/// with <c>--max-age</c>, when the run that made the copy fetched it; null for a failure). A failure has <c>"ok": false</c>, an <c>error</c> with its kind (<c>not_found</c>), the
/// message stderr shows and the HTTP status (or null), and no posts; a success has <c>"error": null</c>. Posts have the
/// members of <see cref="PostRow.Names"/>, as in jsonl.
/// </summary>
internal sealed class JsonFormatter : IOutputFormat
{
    private readonly QueryPositions _positions;
    private readonly Func<Post, bool> _isNew;
    private readonly SubredditResult?[] _results;
    private readonly List<SubredditResult> _unexpected = [];
    private DateTimeOffset? _fetchedAt;

    /// <param name="queries">The subreddits in argument order; results are placed by the query they answer.</param>
    /// <param name="isNew">Whether a post was not in the previous run; none is, without it.</param>
    public JsonFormatter(IReadOnlyList<SubredditQuery> queries, Func<Post, bool>? isNew = null)
    {
        _isNew = isNew ?? OutputFormats.NoneNew;
        _positions = new QueryPositions(queries);
        _results = new SubredditResult?[queries.Count];
    }

    public void Begin(DateTimeOffset now, StringBuilder output) => _fetchedAt = now;

    /// <summary>Keeps the result at the position of its query (<see cref="QueryPositions"/>); a result for no known query goes last.</summary>
    public void Result(SubredditResult result, StringBuilder output)
    {
        var position = _positions.Of(result.Query);
        if (position >= 0 && _results[position] is null)
        {
            _results[position] = result;
        }
        else
        {
            _unexpected.Add(result);
        }
    }

    /// <summary>The document, ending with a newline. A subreddit without a result (none arrived) is left out.</summary>
    public void End(StringBuilder output)
    {
        JsonOutput.Write(output, JsonOutput.Indented, this, static (writer, self) => self.WriteDocument(writer));
        output.Append('\n');
    }

    /// <summary><c>not_found</c>, <c>rate_limited</c>, <c>timed_out</c>: the kind's name in snake case.</summary>
    public static string KindName(FailureKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private void WriteDocument(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (_fetchedAt is { } fetchedAt)
        {
            writer.WriteString("fetched_at", JsonOutput.Timestamp(fetchedAt));
        }
        else
        {
            writer.WriteNull("fetched_at");
        }

        writer.WriteStartArray("subreddits");
        foreach (var result in _results.OfType<SubredditResult>().Concat(_unexpected))
        {
            WriteSubreddit(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteSubreddit(Utf8JsonWriter writer, SubredditResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("name", result.Query.Name);
        writer.WriteBoolean("ok", result.Failure is null);
        if (result.FetchedAt is { } fetchedAt)
        {
            writer.WriteString("fetched_at", JsonOutput.Timestamp(fetchedAt));
        }
        else
        {
            writer.WriteNull("fetched_at");
        }

        writer.WriteBoolean("cached", result.Cached);
        if (result.Failure is { } failure)
        {
            writer.WriteStartObject("error");
            writer.WriteString("kind", KindName(failure.Kind));
            writer.WriteString("message", FailureText.Phrase(failure));
            if (failure.Status is { } status)
            {
                writer.WriteNumber("status", status);
            }
            else
            {
                writer.WriteNull("status");
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("error");
        }

        writer.WriteStartArray("posts");
        var posts = result.Posts ?? [];
        for (var i = 0; i < posts.Count; i++)
        {
            JsonOutput.WritePost(writer, PostRow.From(result, i + 1, posts[i], _isNew(posts[i])));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

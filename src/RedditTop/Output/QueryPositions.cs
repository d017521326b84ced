using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// Where each subreddit was named on the command line. Queries are matched by reference, not by value: a subreddit
/// named twice is two equal queries, and each result belongs to its own one.
/// </summary>
internal sealed class QueryPositions
{
    private readonly Dictionary<SubredditQuery, int> _positions;

    public QueryPositions(IReadOnlyList<SubredditQuery> queries)
    {
        _positions = new Dictionary<SubredditQuery, int>(queries.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < queries.Count; i++)
        {
            _positions[queries[i]] = i;
        }
    }

    /// <summary>The position of <paramref name="query"/>, or -1 for a query not named.</summary>
    public int Of(SubredditQuery query) => _positions.TryGetValue(query, out var position) ? position : -1;
}

using System.Runtime.CompilerServices;
using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary><c>--order input</c>: results in the order the subreddits were named, still streaming.</summary>
internal static class ArgumentOrder
{
    /// <summary>
    /// Yields each result as soon as it and every result named before it are complete (<see cref="QueryPositions"/>).
    /// </summary>
    public static async IAsyncEnumerable<SubredditResult> InArgumentOrderAsync(
        this IAsyncEnumerable<SubredditResult> results,
        IReadOnlyList<SubredditQuery> queries,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var positions = new QueryPositions(queries);
        var waiting = new SubredditResult?[queries.Count];
        var next = 0;
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            waiting[positions.Of(result.Query)] = result;
            for (; next < waiting.Length && waiting[next] is { } ready; next++)
            {
                waiting[next] = null;
                yield return ready;
            }
        }
    }
}

using System.Runtime.CompilerServices;

namespace RedditTop.Reddit;

/// <summary>Fetches many subreddits at once and yields each result the moment it arrives.</summary>
internal static class SubredditFetcher
{
    /// <summary>
    /// Starts every request, then yields results in completion order (<see cref="Task.WhenEach{TResult}(IEnumerable{Task{TResult}})"/>),
    /// so a fast subreddit is available while a slow one is still loading. Requests never outlive their reader: when
    /// the caller stops early (the reader closed the pipe, a write failed, Ctrl+C), the ones still in flight are
    /// cancelled and awaited before the enumeration ends.
    /// </summary>
    public static async IAsyncEnumerable<SubredditResult> FetchAllAsync(
        RedditClient client,
        IEnumerable<SubredditQuery> queries,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = queries.Select(q => client.GetPostsAsync(q, stop.Token)).ToList();
        try
        {
            await foreach (var task in Task.WhenEach(tasks).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return await task.ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(tasks.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

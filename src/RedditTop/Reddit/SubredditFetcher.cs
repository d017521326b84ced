using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RedditTop.Reddit.Failures;

namespace RedditTop.Reddit;

/// <summary>Fetches many subreddits at once and yields each result the moment it arrives.</summary>
internal static class SubredditFetcher
{
    /// <summary>
    /// Starts requests and yields results in completion order, so a fast subreddit is available while a slow one is
    /// still loading. At most <see cref="WindowFor"/> subreddits are under way at once (twice <c>-j</c>: one waiting
    /// for each slot of the concurrency limit, so no slot is idle while a subreddit retries): what a run holds, and the
    /// number of timers and waiters, grow with <c>-j</c>, not with the length of an <c>@file</c>. Once the deadline has
    /// passed, a subreddit not started yet fails at once, without a request or a timer of its own. Requests never
    /// outlive their reader: when the caller stops early (the reader closed the pipe, a write failed, Ctrl+C), the ones
    /// in flight are cancelled and awaited before the enumeration ends. With <c>--max-age</c> (<see cref="RedditClient.Copies"/>),
    /// a subreddit with a fresh copy is yielded from it at once, taking no place in the window and sending nothing, also
    /// after the deadline; a successful answer is kept as a copy, and the copies are pruned once all is done.
    /// </summary>
    public static async IAsyncEnumerable<SubredditResult> FetchAllAsync(
        RedditClient client,
        IEnumerable<SubredditQuery> queries,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = Channel.CreateUnbounded<Task<SubredditResult>>(new UnboundedChannelOptions { SingleReader = true });
        using var waiting = queries.GetEnumerator();
        var window = WindowFor(client.Options.MaxConcurrency);
        var running = 0;
        var copies = client.Copies;
        try
        {
            while (true)
            {
                while (running < window && !client.DeadlinePassed && waiting.MoveNext())
                {
                    if (copies?.Find(waiting.Current) is { } copy)
                    {
                        yield return copy;
                        continue;
                    }

                    running++;
                    _ = (copies is null ? client.GetPostsAsync(waiting.Current, stop.Token) : FetchAndKeepAsync(client, copies, waiting.Current, stop.Token)).ContinueWith(
                        static (task, channel) => ((ChannelWriter<Task<SubredditResult>>)channel!).TryWrite(task),
                        finished.Writer,
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }

                if (running == 0)
                {
                    break;
                }

                var task = await finished.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                running--;
                yield return await task.ConfigureAwait(false);
            }

            // Only the deadline stops the starting early: the rest fail as a subreddit in flight does.
            while (waiting.MoveNext())
            {
                yield return copies?.Find(waiting.Current) ?? SubredditResult.Fail(waiting.Current, client.DeadlineFailure(attempts: 0));
            }

            copies?.Prune();
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            for (; running > 0; running--)
            {
                var task = await finished.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
                await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>A subreddit asked for, and its answer kept as a copy when it is a success.</summary>
    private static async Task<SubredditResult> FetchAndKeepAsync(RedditClient client, ListingCopies copies, SubredditQuery query, CancellationToken cancellationToken)
    {
        var result = await client.GetPostsAsync(query, cancellationToken).ConfigureAwait(false);
        copies.Save(result);
        return result;
    }

    /// <summary>How many subreddits may be under way at once with <paramref name="maxConcurrency"/> requests at a time.</summary>
    public static int WindowFor(int maxConcurrency) => (int)Math.Min(int.MaxValue, Math.Max(16L, 2L * maxConcurrency));
}

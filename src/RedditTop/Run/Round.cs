using System.Text;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;

namespace RedditTop.Run;

/// <summary>
/// One round: every subreddit fetched at once, each result marked for what is new, formatted and written the moment it
/// is ready (or in argument order with <c>--order input</c>), its failure said on stderr. The header is written with the
/// first subreddit printed, never alone.
/// </summary>
internal sealed class Round(RedditClient reddit, RunOptions options, RunEnvironment environment, Diagnostics diagnostics, Progress progress, NewPosts newPosts)
{
    private readonly OutputOptions _output = options.Output ?? new OutputOptions();
    private readonly WatchOptions _watch = options.Watch ?? new WatchOptions();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        progress.StartRound();
        var toTerminal = _output.File is null && environment.OutIsTerminal;
        await using var writer = await BlockWriter.OpenAsync(_output.File, environment.Out, clearScreen: _watch.Every is not null && toTerminal, reddit.Options.Deadline, environment.Time, cancellationToken);
        var color = _output.UseColor(toTerminal, environment.GetEnvironmentVariable);
        var format = OutputFormats.Create(_output.Format, options.Subreddits, color, _output.Header, markNew: _watch.MarkNew || toTerminal, newPosts.IsNew);
        var blocked = false;

        // The header (text's date line, the header row of csv and tsv) goes out with the first subreddit printed: when
        // every one fails, stdout stays empty (json still writes its document, which names each failure).
        StringBuilder? header = new();
        format.Begin(environment.Time.GetLocalNow(), header);
        var results = SubredditFetcher.FetchAllAsync(reddit, options.Subreddits, cancellationToken);
        await foreach (var fetched in _output.InputOrder ? results.InArgumentOrderAsync(options.Subreddits, cancellationToken) : results)
        {
            var result = fetched;
            if (result.Posts is { } posts)
            {
                await newPosts.MarkAsync(posts);
                if (_watch.NewOnly)
                {
                    result = result.WithPosts(posts.Where(newPosts.IsNew).ToList());
                }
            }

            if (options.Verbose && result is { Cached: true, FetchedAt: { } fetchedAt })
            {
                diagnostics.WriteLine(Notices.FromCopy(result.Query, fetchedAt, environment.Time));
            }

            // With --new-only, a subreddit with nothing new prints nothing.
            if (!(_watch.NewOnly && result.Posts is { Count: 0 }))
            {
                if (result.Failure is null && header is not null)
                {
                    writer.Pending.Append(header);
                    header = null;
                }

                format.Result(result, writer.Pending);
                await writer.WriteAsync(cancellationToken);
            }

            if (result.Failure is { } failure)
            {
                progress.Fail();
                blocked |= failure.Kind == FailureKind.Blocked;
                diagnostics.WriteLine($"reddittop: r/{result.Query.Name}: {result.Error}");
            }
            else
            {
                progress.Print();
            }

            diagnostics.Refresh();
        }

        format.End(writer.Pending);
        await writer.WriteAsync(cancellationToken);
        if (blocked)
        {
            diagnostics.WriteLine(Notices.BlockedHint);
        }

        // A file is replaced only by a round that fetched something; otherwise the previous one stays.
        if (progress.Printed > 0)
        {
            await writer.CommitAsync();
        }
    }
}

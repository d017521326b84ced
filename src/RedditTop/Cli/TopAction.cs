using RedditTop.Output;
using RedditTop.Reddit;

namespace RedditTop.Cli;

/// <summary>
/// One run, along the one data path: queries → concurrent requests → parsed listings → formatter → stdout.
/// </summary>
internal static class TopAction
{
    public static async Task<int> RunAsync(CliOptions options, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var failed = 0;

        // The --verbose lines come from concurrent requests: stderr takes one whole line at a time.
        var error = TextWriter.Synchronized(environment.Error);
        try
        {
            await WriteAsync(environment.Out, TextFormatter.FormatHeader(environment.Time.GetLocalNow()), cancellationToken);

            using var client = RedditClient.Create(
                options.BaseUrl,
                options.Request,
                environment.Time,
                options.Verbose ? error.WriteLine : null,
                environment.Handler);
            await foreach (var result in SubredditFetcher.FetchAllAsync(client, options.Subreddits, cancellationToken))
            {
                if (result.Posts is { } posts)
                {
                    await WriteAsync(environment.Out, TextFormatter.FormatBlock(result.Query.Name, posts), cancellationToken);
                }
                else
                {
                    failed++;
                    await WriteAsync(error, $"reddittop: r/{result.Query.Name}: {result.Error}\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            if (OutputFailure.Report(e, error))
            {
                return ExitCodes.Failed;
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// Writes one whole block and flushes it. A block that has started is always finished, even on Ctrl+C, so a
    /// file or pipe never holds half a block: hence <see cref="CancellationToken.None"/> once the write begins.
    /// </summary>
    private static async Task WriteAsync(TextWriter writer, string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await writer.WriteAsync(text.AsMemory(), CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
    }
}

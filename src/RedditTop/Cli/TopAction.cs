using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;

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
        var blocked = false;
        try
        {
            var endpoints = RedditEndpoints.For(options.BaseUrl, options.App);
            var cacheDirectory = TokenCache.DirectoryFrom(environment.GetEnvironmentVariable);
            var app = options.App is { } credentials
                ? new AppAccess(credentials, endpoints.Token, cacheDirectory is null ? null : new TokenCache(cacheDirectory, credentials.ClientId, endpoints.Token))
                : null;
            Action<string>? log = options.Verbose ? error.WriteLine : null;
            using var client = RedditClient.Create(endpoints.Api, options.Request, environment.Time, log, environment.Handler, app: app);

            // A token that cannot be had is one error, before anything is requested or printed.
            try
            {
                await client.AuthenticateAsync(cancellationToken);
            }
            catch (TokenRequestException e)
            {
                await WriteAsync(error, $"reddittop: authentication failed: {e.Message}\n", cancellationToken);
                return ExitCodes.Failed;
            }

            log?.Invoke(DescribeAccess(client, endpoints, options.App, environment.Time));
            await WriteAsync(environment.Out, TextFormatter.FormatHeader(environment.Time.GetLocalNow()), cancellationToken);
            await foreach (var result in SubredditFetcher.FetchAllAsync(client, options.Subreddits, cancellationToken))
            {
                if (result.Posts is { } posts)
                {
                    await WriteAsync(environment.Out, TextFormatter.FormatBlock(result.Query.Name, posts), cancellationToken);
                }
                else
                {
                    failed++;
                    blocked |= result.Failure?.Kind == FailureKind.Blocked;
                    await WriteAsync(error, $"reddittop: r/{result.Query.Name}: {result.Error}\n", cancellationToken);
                }
            }

            if (blocked)
            {
                await WriteAsync(error, BlockedHint, cancellationToken);
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

    /// <summary>Said once, at the end of a run in which Reddit blocked anonymous requests.</summary>
    private static readonly string BlockedHint =
        "reddittop: hint: Reddit blocks anonymous requests from some networks. Create an app at https://www.reddit.com/prefs/apps, "
        + $"then set {AppCredentials.ClientIdVariable} (and {AppCredentials.ClientSecretVariable} for a script app) to use app-only OAuth.\n";

    /// <summary>The <c>--verbose</c> line that says how requests are made: anonymous, or as which app, with which token.</summary>
    private static string DescribeAccess(RedditClient client, RedditEndpoints endpoints, AppCredentials? app, TimeProvider time)
    {
        if (app is null || client.Tokens is not { } tokens)
        {
            return $"reddittop: anonymous requests to {endpoints.Api}";
        }

        var left = tokens.ExpiresAt is { } expiresAt ? (expiresAt - time.GetUtcNow()).TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "?";
        return $"reddittop: app-only OAuth as {app} to {endpoints.Api}; token {(tokens.FromCache ? "from the cache" : "new")}, good for {left} s";
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

using System.Globalization;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;

namespace RedditTop.Cli;

/// <summary>
/// One run, along the one data path: queries → concurrent requests → parsed listings → format → stdout (or a file).
/// </summary>
internal static class TopAction
{
    public static async Task<int> RunAsync(CliOptions options, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var output = options.Output ?? new OutputOptions();
        var total = options.Subreddits.Count;
        var (printed, failed) = (0, 0);
        RedditClient? client = null;

        // One stderr for the run: whole lines from concurrent requests, and the live status line on a terminal.
        using var diagnostics = new Diagnostics(
            environment.Error,
            environment.Time,
            environment.ErrorIsTerminal ? () => Status(printed, failed, total, client?.Budget?.WaitingUntil, environment.Time) : null);
        try
        {
            await using var file = output.File is { } path ? AtomicFile.Create(path) : null;
            var stdout = file?.Writer ?? environment.Out;
            var color = output.UseColor(file is null && environment.OutIsTerminal, environment.GetEnvironmentVariable);
            var format = OutputFormats.Create(output.Format, options.Subreddits, color, output.Header);

            var endpoints = RedditEndpoints.For(options.BaseUrl, options.App);
            var cacheDirectory = TokenCache.DirectoryFrom(environment.GetEnvironmentVariable);
            var app = options.App is { } credentials
                ? new AppAccess(credentials, endpoints.Token, cacheDirectory is null ? null : new TokenCache(cacheDirectory, credentials.ClientId, endpoints.Token))
                : null;
            Action<string>? log = options.Verbose ? diagnostics.WriteLine : null;
            using var reddit = client = RedditClient.Create(endpoints.Api, options.Request, environment.Time, log, environment.Handler, app: app);

            // A token that cannot be had is one error, before anything is requested or printed.
            try
            {
                await reddit.AuthenticateAsync(cancellationToken);
            }
            catch (TokenRequestException e)
            {
                diagnostics.WriteLine($"reddittop: authentication failed: {e.Message}");
                return ExitCodes.Failed;
            }

            log?.Invoke(DescribeAccess(reddit, endpoints, options.App, environment.Time));
            await WriteAsync(stdout, format.Begin(environment.Time.GetLocalNow()), cancellationToken);
            var results = SubredditFetcher.FetchAllAsync(reddit, options.Subreddits, cancellationToken);
            var blocked = false;
            await foreach (var result in output.InputOrder ? results.InArgumentOrderAsync(options.Subreddits, cancellationToken) : results)
            {
                await WriteAsync(stdout, format.Result(result), cancellationToken);
                if (result.Failure is { } failure)
                {
                    failed++;
                    blocked |= failure.Kind == FailureKind.Blocked;
                    diagnostics.WriteLine($"reddittop: r/{result.Query.Name}: {result.Error}");
                }
                else
                {
                    printed++;
                }

                diagnostics.Refresh();
            }

            await WriteAsync(stdout, format.End(), cancellationToken);
            if (blocked)
            {
                diagnostics.WriteLine(BlockedHint);
            }

            // A file is replaced only by a run that fetched something; otherwise the previous one stays.
            if (file is not null && printed > 0)
            {
                await file.CommitAsync();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            diagnostics.WriteLine($"reddittop: interrupted: {printed} of {total} subreddits printed");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            if (OutputFailure.Report(e, diagnostics.WriteLine))
            {
                return ExitCodes.Failed;
            }
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The live status line: <c>reddittop: 3/5 subreddits, 1 failed, waiting 12 s for the rate budget</c>.</summary>
    private static string Status(int printed, int failed, int total, DateTimeOffset? budgetWait, TimeProvider time)
    {
        var wait = budgetWait is { } until && until > time.GetUtcNow()
            ? string.Create(CultureInfo.InvariantCulture, $", waiting {Math.Ceiling((until - time.GetUtcNow()).TotalSeconds)} s for the rate budget")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"reddittop: {printed + failed}/{total} subreddits, {failed} failed{wait}");
    }

    /// <summary>Said once, at the end of a run in which Reddit blocked anonymous requests.</summary>
    private static readonly string BlockedHint =
        "reddittop: hint: Reddit blocks anonymous requests from some networks. Create an app at https://www.reddit.com/prefs/apps, "
        + $"then set {AppCredentials.ClientIdVariable} (and {AppCredentials.ClientSecretVariable} for a script app) to use app-only OAuth.";

    /// <summary>The <c>--verbose</c> line that says how requests are made: anonymous, or as which app, with which token.</summary>
    private static string DescribeAccess(RedditClient client, RedditEndpoints endpoints, AppCredentials? app, TimeProvider time)
    {
        if (app is null || client.Tokens is not { } tokens)
        {
            return $"reddittop: anonymous requests to {endpoints.Api}";
        }

        var left = tokens.ExpiresAt is { } expiresAt ? (expiresAt - time.GetUtcNow()).TotalSeconds.ToString("0", CultureInfo.InvariantCulture) : "?";
        return $"reddittop: app-only OAuth as {app} to {endpoints.Api}; token {(tokens.FromCache ? "from the cache" : "new")}, good for {left} s";
    }

    /// <summary>
    /// Writes one whole block and flushes it. A block that has started is always finished, even on Ctrl+C, so a
    /// file or pipe never holds half a block: hence <see cref="CancellationToken.None"/> once the write begins.
    /// </summary>
    private static async Task WriteAsync(TextWriter writer, string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length == 0)
        {
            return;
        }

        await writer.WriteAsync(text.AsMemory(), CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
    }
}

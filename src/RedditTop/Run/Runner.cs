using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Storage;

namespace RedditTop.Run;

/// <summary>
/// One run, along the one data path: queries → concurrent requests → parsed listings → format → stdout (or a file);
/// with <c>--watch</c>, one round after another on the same client, token and rate budget. Returns the exit code.
/// </summary>
internal static class Runner
{
    public static async Task<int> RunAsync(RunOptions options, RunEnvironment environment, CancellationToken cancellationToken)
    {
        var watch = options.Watch ?? new WatchOptions();
        var progress = new Progress(options.Subreddits.Count, environment.Time);
        RedditClient? client = null;
        PersistedBudget? budget = null;

        // One stderr for the run: whole lines from concurrent requests, and the live status line on a terminal.
        using var diagnostics = new Diagnostics(
            environment.Error,
            environment.Time,
            environment.ErrorIsTerminal ? () => progress.StatusLine(client?.Budget.WaitingUntil) : null);
        try
        {
            // An -o file that cannot be made (no such folder, ...) is one error, before anything is requested.
            if (options.Output?.File is { } file)
            {
                OutputFile.Check(file);
            }

            var endpoints = RedditEndpoints.For(options.BaseUrl, options.App);
            Action<string>? log = options.Verbose ? diagnostics.WriteLine : null;
            log?.Invoke(Notices.Config(options.ConfigFile));
            using var reddit = client = CreateClient(options, endpoints, environment, log, diagnostics.WriteLine);

            // A token that cannot be had is one error, before anything is requested or printed.
            try
            {
                await reddit.AuthenticateAsync(cancellationToken);
            }
            catch (TokenRequestException e)
            {
                diagnostics.WriteLastLine("reddittop: " + FailureText.Phrase(FailureClassifier.FromException(e)));
                return ExitCodes.Failed;
            }

            log?.Invoke(Notices.Access(reddit, endpoints, options.App, environment.Time));
            if (Notices.UserAgentLine(options) is { } userAgentLine)
            {
                log?.Invoke(userAgentLine);
            }

            budget = PersistedBudget.Start(options, endpoints, environment, reddit, diagnostics, log);
            if (watch.Every is { } every && Notices.BudgetWarning(options.Subreddits, every) is { } tooFast)
            {
                diagnostics.WriteLine(tooFast);
            }

            var newPosts = NewPosts.Start(options, environment, diagnostics);
            var round = new Round(reddit, options, environment, diagnostics, progress, newPosts);
            while (true)
            {
                var started = environment.Time.GetUtcNow();
                reddit.RestartDeadline();
                await round.RunAsync(cancellationToken);
                await newPosts.SaveRoundAsync();
                budget.Save();
                if (watch.Every is not { } interval)
                {
                    return progress.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
                }

                // The next round starts one interval after this one started; its status line says when.
                await progress.WaitForNextRoundAsync(started + interval, diagnostics, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            diagnostics.WriteLastLine($"reddittop: interrupted: {progress.Printed} of {progress.Total} subreddits printed");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            if (OutputFailure.Report(e, diagnostics.WriteLastLine))
            {
                return ExitCodes.Failed;
            }
        }
        finally
        {
            budget?.Save(quietly: true); // what an interrupted or failed run learned too
        }

        return progress.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>
    /// The run's client: anonymous, or as the app, with the token cache when there is a cache folder (whose warnings go to
    /// <paramref name="warn"/>); with <c>--max-age</c>, also the listings' copies in that folder. Without it, no copy is read or written.
    /// </summary>
    private static RedditClient CreateClient(RunOptions options, RedditEndpoints endpoints, RunEnvironment environment, Action<string>? log, Action<string> warn)
    {
        var cacheDirectory = TokenCache.DirectoryFrom(environment.GetEnvironmentVariable);
        var app = options.App is { } credentials
            ? new AppAccess(credentials, endpoints.Token, cacheDirectory is null ? null : new TokenCache(cacheDirectory, credentials.ClientId, endpoints.Token, warn))
            : null;
        var copiesDirectory = options.Request.MaxAge is null ? null : ListingCopies.DirectoryFrom(environment.GetEnvironmentVariable);
        var copies = copiesDirectory is null ? null : new ListingCopies(copiesDirectory, endpoints.Api, options.Request, environment.Time, warn);
        return RedditClient.Create(endpoints.Api, options.Request, environment.Time, log, environment.Handler, app: app, copies: copies);
    }
}

using System.Globalization;
using System.Text;
using RedditTop.History;
using RedditTop.Output;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit;
using RedditTop.Storage;

namespace RedditTop.Run;

/// <summary>
/// One run, along the one data path: queries → concurrent requests → parsed listings → format → stdout (or a file);
/// with <c>--watch</c>, one round after another on the same client, token and rate budget.
/// </summary>
internal static class TopAction
{
    /// <summary>Clears a terminal and puts the cursor at the top, as <c>watch</c> does before each round.</summary>
    private const string ClearScreen = "\u001b[H\u001b[2J";

    public static async Task<int> RunAsync(RunOptions options, RunEnvironment environment, CancellationToken cancellationToken)
    {
        var output = options.Output ?? new OutputOptions();
        var watch = options.Watch ?? new WatchOptions();
        var round = new RoundCount(options.Subreddits.Count);
        RedditClient? client = null;
        DateTimeOffset? nextRound = null;

        // One stderr for the run: whole lines from concurrent requests, and the live status line on a terminal.
        using var diagnostics = new Diagnostics(
            environment.Error,
            environment.Time,
            environment.ErrorIsTerminal ? () => Status(round, client?.Budget?.WaitingUntil, nextRound, environment.Time) : null);
        try
        {
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

            // What is new: posts not in the previous run with the same subreddits, sort and time (or the previous round).
            // The previous run's state is read while the first requests are in flight; the first block waits for it.
            var stateDirectory = SeenStore.DirectoryFrom(environment.GetEnvironmentVariable);
            var store = stateDirectory is null ? null : new SeenStore(stateDirectory, environment.Time);
            var key = SeenStore.Key(options.Subreddits.Select(q => q.Name), options.Request.Sort.ToName(), options.Request.SortHasTime ? options.Request.Time.ToName() : null, options.BaseUrl);
            var isNew = store is null ? Task.FromResult(AllNew) : Task.Run(() => LoadPrevious(store, key, diagnostics), CancellationToken.None);
            if (watch.Every is { } every && BudgetWarning(options, every) is { } tooFast)
            {
                diagnostics.WriteLine(tooFast);
            }

            var toTerminal = output.File is null && environment.OutIsTerminal;
            var saveWarned = false;
            while (true)
            {
                var started = environment.Time.GetUtcNow();
                round.Start();
                reddit.RestartDeadline();
                if (watch.Every is not null && toTerminal)
                {
                    await WriteAsync(environment.Out, ClearScreen, cancellationToken);
                }

                var ids = await RunRoundAsync(reddit, options, output, watch, environment, diagnostics, round, isNew, toTerminal, cancellationToken);
                await isNew; // read (and any warning said) before the state is saved, also when no block needed it
                if (store?.Save(key, ids) is { } notSaved && !saveWarned)
                {
                    diagnostics.WriteLine(notSaved); // said once: the next rounds would fail the same way
                    saveWarned = true;
                }

                var seen = ids.ToHashSet(StringComparer.Ordinal);
                isNew = Task.FromResult<Func<string, bool>>(id => !seen.Contains(id));

                if (watch.Every is not { } interval)
                {
                    return round.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
                }

                // The next round starts one interval after this one started; its status line says when.
                nextRound = started + interval;
                diagnostics.Refresh();
                var wait = nextRound.Value - environment.Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, environment.Time, cancellationToken);
                }

                nextRound = null;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            diagnostics.WriteLine($"reddittop: interrupted: {round.Printed} of {round.Total} subreddits printed");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            if (OutputFailure.Report(e, diagnostics.WriteLine))
            {
                return ExitCodes.Failed;
            }
        }

        return round.Failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>One round: every subreddit fetched and written; returns the ids of every post fetched (for what is new next time).</summary>
    private static async Task<List<string>> RunRoundAsync(
        RedditClient reddit,
        RunOptions options,
        OutputOptions output,
        WatchOptions watch,
        RunEnvironment environment,
        Diagnostics diagnostics,
        RoundCount round,
        Task<Func<string, bool>> isNew,
        bool toTerminal,
        CancellationToken cancellationToken)
    {
        await using var file = output.File is { } path ? AtomicFile.Create(path) : null;
        var stdout = file?.Writer ?? environment.Out;
        var color = output.UseColor(toTerminal, environment.GetEnvironmentVariable);
        var format = OutputFormats.Create(output.Format, options.Subreddits, color, output.Header, markNew: watch.MarkNew || toTerminal);
        var ids = new List<string>();
        var blocked = false;

        // One buffer for the round: each piece is appended, written whole and flushed, then the buffer is reused.
        var pending = new StringBuilder(16 * 1024);
        format.Begin(environment.Time.GetLocalNow(), pending);
        await WriteAsync(stdout, pending, cancellationToken);
        var results = SubredditFetcher.FetchAllAsync(reddit, options.Subreddits, cancellationToken);
        await foreach (var fetched in output.InputOrder ? results.InArgumentOrderAsync(options.Subreddits, cancellationToken) : results)
        {
            var result = fetched;
            if (result.Posts is { } posts)
            {
                ids.AddRange(posts.Where(p => p.Id is not null).Select(p => p.Id!));
                var isNewNow = await isNew;
                var marked = posts.Select(p => p with { IsNew = p.Id is { } id && isNewNow(id) }).ToList();
                result = SubredditResult.Success(result.Query, watch.NewOnly ? marked.Where(p => p.IsNew).ToList() : marked);
            }

            // With --new-only, a subreddit with nothing new prints nothing.
            if (!(watch.NewOnly && result.Posts is { Count: 0 }))
            {
                format.Result(result, pending);
                await WriteAsync(stdout, pending, cancellationToken);
            }

            if (result.Failure is { } failure)
            {
                round.Fail();
                blocked |= failure.Kind == FailureKind.Blocked;
                diagnostics.WriteLine($"reddittop: r/{result.Query.Name}: {result.Error}");
            }
            else
            {
                round.Print();
            }

            diagnostics.Refresh();
        }

        format.End(pending);
        await WriteAsync(stdout, pending, cancellationToken);
        if (blocked)
        {
            diagnostics.WriteLine(BlockedHint);
        }

        // A file is replaced only by a round that fetched something; otherwise the previous one stays.
        if (file is not null && round.Printed > 0)
        {
            await file.CommitAsync();
        }

        return ids;
    }

    private static readonly Func<string, bool> AllNew = _ => true;

    /// <summary>Reads what the previous run saw; an unreadable state file is one warning, and everything is new.</summary>
    private static Func<string, bool> LoadPrevious(SeenStore store, string key, Diagnostics diagnostics)
    {
        var previous = store.Load(key, out var warning);
        if (warning is not null)
        {
            diagnostics.WriteLine(warning);
        }

        return previous.IsFirstRun ? AllNew : id => !previous.WasSeen(id);
    }

    /// <summary>
    /// The warning, said once, when <c>--watch</c> asks for more than Reddit's 100 requests a minute:
    /// <c>50 subreddits every 5 s is 600 requests a minute</c>. Rounds then wait for the rate budget.
    /// </summary>
    private static string? BudgetWarning(RunOptions options, TimeSpan every)
    {
        var perRound = options.Subreddits.Sum(q => (q.Count + SubredditQuery.MaxPerRequest - 1) / SubredditQuery.MaxPerRequest);
        var perMinute = perRound * 60 / every.TotalSeconds;
        return perMinute <= 100
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"reddittop: warning: {perRound} requests every {every.TotalSeconds:0.###} s is {perMinute:0} a minute, more than the 100 Reddit allows; rounds will wait for the rate budget");
    }

    /// <summary>
    /// The live status line: <c>reddittop: 3/5 subreddits, 1 failed, waiting 12 s for the rate budget</c>, and between
    /// <c>--watch</c> rounds <c>..., next round at 15:12:05</c>.
    /// </summary>
    private static string Status(RoundCount round, DateTimeOffset? budgetWait, DateTimeOffset? nextRound, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var wait = budgetWait is { } until && until > now
            ? string.Create(CultureInfo.InvariantCulture, $", waiting {Math.Ceiling((until - now).TotalSeconds)} s for the rate budget")
            : "";
        var next = nextRound is { } at
            ? ", next round at " + TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"reddittop: {round.Printed + round.Failed}/{round.Total} subreddits, {round.Failed} failed{wait}{next}");
    }

    /// <summary>The counts of the round in progress, read by the status line from another thread.</summary>
    private sealed class RoundCount(int total)
    {
        private int _printed;
        private int _failed;

        public int Total => total;

        public int Printed => Volatile.Read(ref _printed);

        public int Failed => Volatile.Read(ref _failed);

        public void Start()
        {
            Volatile.Write(ref _printed, 0);
            Volatile.Write(ref _failed, 0);
        }

        public void Print() => Interlocked.Increment(ref _printed);

        public void Fail() => Interlocked.Increment(ref _failed);
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
    /// <summary>Writes and flushes <paramref name="text"/>, then empties it for the next piece.</summary>
    private static async Task WriteAsync(TextWriter writer, StringBuilder text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length == 0)
        {
            return;
        }

        await writer.WriteAsync(text, CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);
        text.Clear();
    }

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

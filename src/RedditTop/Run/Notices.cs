using System.Globalization;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;

namespace RedditTop.Run;

/// <summary>The lines a run says on stderr besides its failures: the access line, the budget warning, the blocked hint, the copies' lines.</summary>
internal static class Notices
{
    /// <summary>Said once, at the end of a round in which Reddit blocked anonymous requests.</summary>
    public static readonly string BlockedHint =
        "reddittop: hint: Reddit blocks anonymous requests from some networks. Create an app at https://www.reddit.com/prefs/apps, "
        + $"then set {AppCredentials.ClientIdVariable} (and {AppCredentials.ClientSecretVariable} for a script app), or client_id (and client_secret) in praw.ini, to use app-only OAuth.";

    /// <summary>
    /// The warning, said once, when <c>--watch</c> asks for more than Reddit's 100 requests a minute:
    /// <c>50 subreddits every 5 s is 600 requests a minute</c>. Rounds then wait for the rate budget.
    /// </summary>
    public static string? BudgetWarning(IReadOnlyList<SubredditQuery> subreddits, TimeSpan every)
    {
        var perRound = subreddits.Sum(q => (q.Count + SubredditQuery.MaxPerRequest - 1) / SubredditQuery.MaxPerRequest);
        var perMinute = perRound * 60 / every.TotalSeconds;
        return perMinute <= 100
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"reddittop: warning: {perRound} requests every {every.TotalSeconds:0.###} s is {perMinute:0} a minute, more than the 100 Reddit allows; rounds will wait for the rate budget");
    }

    /// <summary>The <c>--verbose</c> line that names the config file the run read, or says there was none.</summary>
    public static string Config(string? path) =>
        path is null ? "reddittop: no config file" : $"reddittop: config file {Sanitizer.Clean(path)}";

    /// <summary>The <c>--verbose</c> line of a block printed from its local copy (<c>--max-age</c>): <c>reddittop: r/python: from the local copy, fetched 42 s ago</c>.</summary>
    public static string FromCopy(SubredditQuery query, DateTimeOffset fetchedAt, TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"reddittop: r/{query.Name}: from the local copy, fetched {Math.Max(0, Math.Floor((time.GetUtcNow() - fetchedAt).TotalSeconds)):0} s ago");

    /// <summary>The <c>--verbose</c> line that says how requests are made: anonymous, or as which app, with which token.</summary>
    public static string Access(RedditClient client, RedditEndpoints endpoints, AppCredentials? app, TimeProvider time)
    {
        if (app is null || client.Tokens is not { } tokens)
        {
            return $"reddittop: anonymous requests to {endpoints.Api}";
        }

        var left = tokens.ExpiresAt is { } expiresAt ? (expiresAt - time.GetUtcNow()).TotalSeconds.ToString("0", CultureInfo.InvariantCulture) : "?";
        return $"reddittop: app-only OAuth as {app} from {app.Origin} to {endpoints.Api}; token {(tokens.FromCache ? "from the cache" : "new")}, good for {left} s";
    }

    /// <summary>The <c>--verbose</c> line that names a User-Agent of the user's and where it came from; null for the default.</summary>
    public static string? UserAgentLine(RunOptions options) =>
        options.UserAgentOrigin is { } origin ? $"reddittop: User-Agent from {origin}: {options.Request.UserAgent}" : null;

    /// <summary>
    /// The <c>--verbose</c> line that says where the run's rate budget came from:
    /// <c>reddittop: rate budget: 37 left, resets in 412 s (from a run 12 s ago)</c>, or <c>unknown</c> when no earlier run
    /// said (or its window has reset). A budget that is spent says whether the run waits for the reset or, the reset
    /// being after <paramref name="deadline"/>, sends nothing.
    /// </summary>
    public static string Budget(SavedBudget? saved, DateTimeOffset now, DateTimeOffset deadline)
    {
        if (saved is null)
        {
            return "reddittop: rate budget: unknown";
        }

        var ago = FailureText.Seconds(saved.LearnedAt < now ? now - saved.LearnedAt : TimeSpan.Zero, ceiling: true);
        if (saved.ResetAt <= now)
        {
            return $"reddittop: rate budget: unknown (the window of a run {ago} s ago has reset)";
        }

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"reddittop: rate budget: {Math.Floor(saved.Remaining)} left, resets in {FailureText.Seconds(saved.ResetAt - now, ceiling: true)} s (from a run {ago} s ago)");
        return saved.Remaining >= 1 ? line
            : saved.ResetAt <= deadline ? line + "; requests wait for the reset"
            : line + "; it resets after the deadline: nothing is sent";
    }
}

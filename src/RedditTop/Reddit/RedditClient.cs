using System.Globalization;
using System.Text.Json;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// Typed client for Reddit's listing API: one page of a listing per call (<see cref="GetPageAsync"/>), a whole
/// subreddit through <see cref="ListingPager"/>. Failures (HTTP errors, time-outs, bad bodies, anything else) are
/// values; only the caller's cancellation is thrown.
/// </summary>
internal sealed class RedditClient(
    HttpClient http,
    HttpSettings settings,
    TokenSource? tokens,
    RateBudget budget,
    HttpMessageHandler? ownNetwork) : IDisposable
{
    /// <summary>
    /// Creates a client on the run's HTTP stacks (<see cref="RedditHttp"/>), anonymous or, with <paramref name="app"/>,
    /// authenticated with its app-only token. The run's deadline starts now (and again with <see cref="RestartDeadline"/>).
    /// A <paramref name="network"/> handler passed in (a test's mock) replaces the network and stays the caller's.
    /// <paramref name="copies"/> (<c>--max-age</c>) are read before a subreddit is asked for, and written after.
    /// </summary>
    public static RedditClient Create(
        Uri baseUrl,
        RedditClientOptions options,
        TimeProvider timeProvider,
        Action<string>? log = null,
        HttpMessageHandler? network = null,
        Func<double>? randomizer = null,
        AppAccess? app = null,
        ListingCopies? copies = null)
    {
        var settings = new HttpSettings(options, new RunDeadline(options.Deadline, timeProvider), timeProvider, log, randomizer);

        // One network handler for the token endpoint and the API: one connection pool (a server holding both is
        // connected to once), disposed with this client.
        var ownNetwork = network is null ? RedditHttp.CreateNetworkHandler() : null;
        var toNetwork = network ?? ownNetwork!;
        var tokens = app is null
            ? null
            : new TokenSource(RedditHttp.ForTokens(app.TokenUrl, settings, toNetwork), app.TokenUrl, app.Credentials, app.Cache, settings);
        var budget = new RateBudget(timeProvider);
        return new RedditClient(RedditHttp.ForApi(baseUrl, settings, toNetwork, budget, tokens), settings, tokens, budget, ownNetwork) { Copies = copies };
    }

    public RedditClientOptions Options => settings.Options;

    /// <summary>The run's clock: when a listing was fetched, and how old a copy is.</summary>
    public TimeProvider Time => settings.Time;

    /// <summary>With <c>--max-age</c>, the local copies of listings earlier runs fetched; null without it, and then nothing is read or written.</summary>
    public ListingCopies? Copies { get; private init; }

    /// <summary>Whether requests go without a token.</summary>
    public bool IsAnonymous => tokens is null;

    /// <summary>The run's rate budget, for the progress line.</summary>
    public RateBudget Budget => budget;

    /// <summary>The token source of an authenticated client, for the <c>--verbose</c> line about it.</summary>
    public TokenSource? Tokens => tokens;

    /// <summary>Starts the run's deadline again, for a new <c>--watch</c> round.</summary>
    public void RestartDeadline() => settings.Deadline.Restart();

    /// <summary>
    /// Gets the app-only token before any subreddit is requested (from the cache, or the token endpoint), so that a
    /// token that cannot be had is one error, not one per subreddit. Throws <see cref="TokenRequestException"/>.
    /// </summary>
    public async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        if (tokens is not null)
        {
            await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A subreddit's posts, page after page (<see cref="ListingPager"/>).</summary>
    public Task<SubredditResult> GetPostsAsync(SubredditQuery query, CancellationToken cancellationToken) =>
        ListingPager.GetPostsAsync(this, query, cancellationToken);

    /// <summary>Whether the run's deadline has passed.</summary>
    public bool DeadlinePassed => settings.Deadline.Remaining == TimeSpan.Zero;

    /// <summary>The failure of a subreddit that the deadline stopped after <paramref name="attempts"/> attempts.</summary>
    public FetchFailure DeadlineFailure(int attempts) =>
        new(FailureKind.DeadlineReached, Limit: settings.Options.Deadline, Attempts: attempts);

    /// <summary>A token that fires when the run's deadline passes, for one subreddit's pages.</summary>
    public CancellationTokenSource StartDeadline() => new(settings.Deadline.Remaining, settings.Time);

    /// <summary>The path and query of one page of a subreddit's listing, relative to the base address.</summary>
    public static string ListingPath(SubredditQuery query, RedditClientOptions options, int limit, string? after = null)
    {
        var name = string.Join('+', query.Name.Split('+').Select(Uri.EscapeDataString));
        var time = options.SortHasTime ? $"t={options.Time.ToName()}&" : "";
        var page = after is null ? "" : $"&after={Uri.EscapeDataString(after)}";
        return string.Create(CultureInfo.InvariantCulture, $"r/{name}/{options.Sort.ToName()}.json?{time}limit={limit}&raw_json=1{page}");
    }

    /// <summary>
    /// One page of <paramref name="query"/>'s listing, or why it could not be had. <paramref name="page"/> is its number
    /// for the <c>--verbose</c> log (<c>r/python: page 2</c>), or null for a subreddit read in one page.
    /// </summary>
    public async Task<(ListingPage? Page, FetchFailure? Failure)> GetPageAsync(
        SubredditQuery query,
        int limit,
        string? after,
        int? page,
        CancellationToken cancellationToken,
        CancellationToken deadlineReached)
    {
        using var request = RedditHttp.NewRequest(HttpMethod.Get, ListingPath(query, settings.Options, limit, after));
        request.Options.Set(RequestInfo.Label, page is { } number ? string.Create(CultureInfo.InvariantCulture, $"r/{query.Name}: page {number}") : "r/" + query.Name);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineReached);
        try
        {
            return await SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            cancellationToken.ThrowIfCancellationRequested(); // the caller's own cancellation is not this subreddit's failure
            var attempts = RequestInfo.AttemptsOf(request);
            return (null, deadlineReached.IsCancellationRequested ? DeadlineFailure(Math.Max(1, attempts)) : FailureClassifier.FromException(e, attempts));
        }
    }

    public void Dispose()
    {
        http.Dispose();
        tokens?.Dispose();
        ownNetwork?.Dispose();
    }

    private async Task<(ListingPage? Page, FetchFailure? Failure)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var attempts = RequestInfo.AttemptsOf(request);
        if (!response.IsSuccessStatusCode)
        {
            var kind = IsAnonymous ? RequestKind.AnonymousListing : RequestKind.Listing;
            return (null, await FailureClassifier.FromResponseAsync(response, kind, attempts, settings.Body, settings.Time, cancellationToken).ConfigureAwait(false));
        }

        if (FailureClassifier.FromWebPage(response, attempts) is { } webPage)
        {
            return (null, webPage);
        }

        ResponseBody body;
        try
        {
            body = await ResponseBody.OpenAsync(response, settings.Body, settings.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException e)
        {
            // Refused on its Content-Length, before a byte was read: the answer's status stands beside the cap.
            return (null, FailureClassifier.FromException(e, attempts) with { Status = (int)response.StatusCode });
        }

        await using (body.ConfigureAwait(false))
        {
            Listing? listing;
            try
            {
                listing = await JsonSerializer.DeserializeAsync(body, RedditJsonContext.Default.Listing, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return (null, FailureClassifier.FromUnreadableBody(e, body.FirstByte, (int)response.StatusCode, attempts));
            }

            if (!ListingReader.TryGetPosts(listing, out var posts, out var problem))
            {
                return (null, new FetchFailure(FailureKind.InvalidResponse, (int)response.StatusCode, Detail: problem, Attempts: attempts));
            }

            // Whether the server escaped the text is judged on the whole page.
            return (new ListingPage(RedditText.DecodeIfEscaped(posts), listing!.Data!.After), null);
        }
    }
}

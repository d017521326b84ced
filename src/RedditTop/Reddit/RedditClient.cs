using System.Globalization;
using System.Text.Json;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// Typed client for Reddit's listing API. Every call returns a <see cref="SubredditResult"/>: failures (HTTP errors,
/// time-outs, bad bodies, anything else) are values, and only the caller's cancellation is thrown.
/// </summary>
internal sealed class RedditClient(
    HttpClient http,
    RedditClientOptions options,
    RunDeadline deadline,
    TimeProvider timeProvider,
    TokenSource? tokens = null,
    RateBudget? budget = null,
    HttpMessageHandler? ownNetwork = null) : IDisposable
{
    /// <summary>
    /// Creates a client on the run's HTTP stack (<see cref="RedditHttp"/>), anonymous or, with <paramref name="app"/>,
    /// authenticated with its app-only token. The run's deadline starts now (and again with <see cref="RestartDeadline"/>). A <paramref name="network"/> handler passed
    /// in (a test's mock) replaces the network and stays the caller's.
    /// </summary>
    public static RedditClient Create(
        Uri baseUrl,
        RedditClientOptions options,
        TimeProvider timeProvider,
        Action<string>? log = null,
        HttpMessageHandler? network = null,
        Func<double>? randomizer = null,
        AppAccess? app = null)
    {
        var deadline = new RunDeadline(options.Deadline, timeProvider);

        // One network handler for the token endpoint and the API: one connection pool (a server holding both is
        // connected to once), disposed with this client.
        var ownNetwork = network is null ? RedditHttp.CreateNetworkHandler() : null;
        TokenSource? tokens = null;
        if (app is not null)
        {
            var tokenHttp = RedditHttp.CreateClient(app.TokenUrl, options, deadline, timeProvider, log, network ?? ownNetwork, randomizer);
            tokens = new TokenSource(tokenHttp, app.TokenUrl, app.Credentials, app.Cache, timeProvider);
        }

        var budget = new RateBudget(timeProvider);
        var http = RedditHttp.CreateClient(baseUrl, options, deadline, timeProvider, log, network ?? ownNetwork, randomizer, tokens, budget);
        return new RedditClient(http, options, deadline, timeProvider, tokens, budget, ownNetwork);
    }

    /// <summary>Starts the run's deadline again, for a new <c>--watch</c> round.</summary>
    public void RestartDeadline() => deadline.Restart();

    /// <summary>Whether requests go without a token.</summary>
    public bool IsAnonymous => tokens is null;

    /// <summary>The run's rate budget, for the progress line.</summary>
    public RateBudget? Budget => budget;

    /// <summary>The token source of an authenticated client, for the <c>--verbose</c> line about it.</summary>
    public TokenSource? Tokens => tokens;

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

    /// <summary>The path and query of one page of a subreddit's listing, relative to the base address.</summary>
    public static string ListingPath(SubredditQuery query, RedditClientOptions options, int limit, string? after = null)
    {
        var name = string.Join('+', query.Name.Split('+').Select(Uri.EscapeDataString));
        var time = options.SortHasTime ? $"t={options.Time.ToName()}&" : "";
        var page = after is null ? "" : $"&after={Uri.EscapeDataString(after)}";
        return string.Create(CultureInfo.InvariantCulture, $"r/{name}/{options.Sort.ToName()}.json?{time}limit={limit}&raw_json=1{page}");
    }

    /// <summary>
    /// Fetches a subreddit's posts, following the listing's <c>after</c> cursor 100 at a time until the count is
    /// reached or the listing ends (no cursor, or a short page). Posts are de-duplicated by id across pages.
    /// </summary>
    public async Task<SubredditResult> GetPostsAsync(SubredditQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var deadlineReached = new CancellationTokenSource(deadline.Remaining, timeProvider);

        var posts = new List<Post>(Math.Min(query.Count, SubredditQuery.MaxPerRequest));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var filter = options.Filter is { IsEmpty: false } f ? f : null;
        string? after = null;
        for (var pages = 1; ; pages++)
        {
            // A filter may drop posts, so it reads whole pages.
            var limit = filter is null ? Math.Min(query.Count - posts.Count, SubredditQuery.MaxPerRequest) : SubredditQuery.MaxPerRequest;
            var (page, failure) = await GetPageAsync(query, limit, after, cancellationToken, deadlineReached.Token).ConfigureAwait(false);
            if (failure is not null)
            {
                return SubredditResult.Fail(query, failure);
            }

            var added = 0;
            foreach (var post in page!.Posts)
            {
                if (posts.Count < query.Count && (post.Id is null || seen.Add(post.Id)))
                {
                    added++;
                    if (filter?.Keeps(post) ?? true)
                    {
                        posts.Add(post);
                    }
                }
            }

            // The end: the count is reached, the listing says there is no more, a page came back short, it brought
            // nothing new (a server repeating itself must not keep us paging), or a filter has read its pages.
            if (posts.Count >= query.Count || page.After is null || page.After == after || page.Posts.Count < limit || added == 0
                || (filter is not null && pages >= RedditClientOptions.MaxPagesWithFilter))
            {
                return SubredditResult.Success(query, posts);
            }

            after = page.After;
        }
    }

    public void Dispose()
    {
        http.Dispose();
        tokens?.Dispose();
        ownNetwork?.Dispose();
    }

    private async Task<(ListingPage? Page, FetchFailure? Failure)> GetPageAsync(
        SubredditQuery query,
        int limit,
        string? after,
        CancellationToken cancellationToken,
        CancellationToken deadlineReached)
    {
        using var request = RedditHttp.NewRequest(HttpMethod.Get, ListingPath(query, options, limit, after));
        request.Options.Set(RequestInfo.Label, "r/" + query.Name);
        using var bodyTimeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineReached, bodyTimeout.Token);
        try
        {
            return await SendAsync(request, bodyTimeout, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            cancellationToken.ThrowIfCancellationRequested(); // the caller's own cancellation is not this subreddit's failure
            var failure = deadlineReached.IsCancellationRequested ? new FetchFailure(FailureKind.DeadlineReached, Limit: options.Deadline)
                : bodyTimeout.IsCancellationRequested ? new FetchFailure(FailureKind.TimedOut, Limit: options.Timeout)
                : FailureReasons.FromException(e);
            return (null, failure with { Attempts = Math.Max(1, RequestInfo.AttemptsOf(request)) });
        }
    }

    private async Task<(ListingPage? Page, FetchFailure? Failure)> SendAsync(HttpRequestMessage request, CancellationTokenSource bodyTimeout, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var attempts = RequestInfo.AttemptsOf(request);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await FailureReasons.FromResponseAsync(response, timeProvider, IsAnonymous, cancellationToken).ConfigureAwait(false);
            return (null, failure with { Attempts = attempts });
        }

        if (response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
        {
            return (null, new FetchFailure(IsAnonymous ? FailureKind.Blocked : FailureKind.WebPage, (int)response.StatusCode, Attempts: attempts));
        }

        if (response.Content.Headers.ContentLength > options.MaxResponseBytes)
        {
            return (null, new FetchFailure(FailureKind.TooLarge, (int)response.StatusCode, Detail: FailureReasons.Size(options.MaxResponseBytes), Attempts: attempts));
        }

        // The attempt's time-out covered the headers; the body gets the same again.
        bodyTimeout.CancelAfter(options.Timeout);
        var body = new SizeLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), options.MaxResponseBytes);
        await using (body.ConfigureAwait(false))
        {
            var listing = await JsonSerializer.DeserializeAsync(body, RedditJsonContext.Default.Listing, cancellationToken).ConfigureAwait(false);
            if (!ListingReader.TryGetPosts(listing, out var posts, out var problem))
            {
                return (null, new FetchFailure(FailureKind.InvalidResponse, (int)response.StatusCode, Detail: problem, Attempts: attempts));
            }

            // Whether the server escaped the text is judged on the whole page.
            return (new ListingPage(RedditText.DecodeIfEscaped(posts), listing!.Data!.After), null);
        }
    }
}

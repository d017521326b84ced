using System.Net;
using System.Net.Http.Headers;
using RedditTop.Reddit.Auth;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The one place the HTTP stack is built, for the API and the token endpoint alike, as a visible chain of one handler
/// per concern: retries (<see cref="ResilienceHandler"/>, Polly) → the concurrency limit
/// (<see cref="ConcurrencyLimitHandler"/>) → the <c>--verbose</c> line (<see cref="AttemptLogHandler"/>) → the rate
/// budget (<see cref="RateBudgetHandler"/>) → the attempt's time-out (<see cref="AttemptTimeoutHandler"/>) → the
/// app's token (<see cref="AuthHandler"/>) → the network. The token endpoint's stack leaves out the concurrency
/// limit, the budget and the token: it is asked at most once at a time (<see cref="TokenSource"/>), from inside an
/// attempt that may hold the last slot, and it does not spend the API's budget.
/// </summary>
internal static class RedditHttp
{
    /// <summary>The stack of the listing API: every handler, the app's token when there is an app.</summary>
    public static HttpClient ForApi(Uri baseUrl, HttpSettings settings, HttpMessageHandler network, RateBudget budget, TokenSource? tokens) =>
        Build(baseUrl, settings, network, budget, tokens);

    /// <summary>The stack of the token endpoint: retries, the attempt's time-out and the <c>--verbose</c> line.</summary>
    public static HttpClient ForTokens(Uri tokenUrl, HttpSettings settings, HttpMessageHandler network) =>
        Build(tokenUrl, settings, network, budget: null, tokens: null);

    /// <summary>
    /// A request as every one of this stack is made: HTTP/2 where the server offers it (Reddit does; one connection
    /// carries every request), HTTP/1.1 where it does not.
    /// </summary>
    public static HttpRequestMessage NewRequest(HttpMethod method, string uri) => new(method, uri)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    /// <summary>The network end of the stack, one per run: one connection pool for the API and the token endpoint.</summary>
    public static SocketsHttpHandler CreateNetworkHandler() => new()
    {
        // Reddit redirects an unknown subreddit to its search page; that must be reported, not followed.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        EnableMultipleHttp2Connections = true, // past the server's limit of streams on one connection
    };

    /// <summary>
    /// Base address, User-Agent, no redirects followed, no client-wide time-out (each attempt has its own). The network
    /// handler stays its owner's to dispose: the API and the token endpoint share it.
    /// </summary>
    private static HttpClient Build(Uri baseUrl, HttpSettings settings, HttpMessageHandler network, RateBudget? budget, TokenSource? tokens)
    {
        HttpMessageHandler handler = new NotDisposingHandler(network);
        if (tokens is not null)
        {
            handler = new AuthHandler(tokens) { InnerHandler = handler };
        }

        handler = new AttemptTimeoutHandler(settings.Options.Timeout, settings.Time) { InnerHandler = handler };
        if (budget is not null)
        {
            handler = new RateBudgetHandler(budget, settings.Deadline) { InnerHandler = handler };
        }

        if (settings.Log is { } log)
        {
            handler = new AttemptLogHandler(log, budget, settings.Time) { InnerHandler = handler };
        }

        if (budget is not null)
        {
            handler = new ConcurrencyLimitHandler(settings.Options.MaxConcurrency) { InnerHandler = handler };
        }

        handler = new ResilienceHandler(RetryPipeline.Build(settings.Options.Retries, settings.Deadline, settings.Time, settings.Randomizer)) { InnerHandler = handler };
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = RedditEndpoints.WithTrailingSlash(baseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", settings.Options.UserAgent ?? UserAgent.Value);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Passes requests to a handler its owner disposes, not the chain.</summary>
    private sealed class NotDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The inner handler is its owner's.
        }
    }
}

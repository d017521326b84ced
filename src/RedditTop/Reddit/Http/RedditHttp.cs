using System.Net;
using System.Net.Http.Headers;
using RedditTop.Reddit.Auth;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The one place the HTTP stack is built, as a visible chain: retries (<see cref="ResilienceHandler"/>, Polly) →
/// concurrency limit and rate budget (<see cref="RateBudgetHandler"/>) → the attempt's time-out
/// (<see cref="AttemptTimeoutHandler"/>) → the app-only token, with an app (<see cref="AuthHandler"/>) → the network
/// (<see cref="SocketsHttpHandler"/>, or a test's mock in its place).
/// </summary>
internal static class RedditHttp
{
    /// <summary>
    /// Creates the client every request of a run goes through: base address, User-Agent, no redirects followed, no
    /// client-wide time-out (each attempt has its own). A <paramref name="network"/> handler passed in (a test's mock)
    /// stays the caller's to dispose.
    /// </summary>
    public static HttpClient CreateClient(
        Uri baseUrl,
        RedditClientOptions options,
        RunDeadline deadline,
        TimeProvider timeProvider,
        Action<string>? log = null,
        HttpMessageHandler? network = null,
        Func<double>? randomizer = null,
        TokenSource? tokens = null,
        RateBudget? budget = null)
    {
        HttpMessageHandler toNetwork = network is null ? CreateNetworkHandler() : new NotDisposingHandler(network);
        var chain = new ResilienceHandler(RetryPipeline.Build(options.Retries, deadline, timeProvider, randomizer))
        {
            InnerHandler = new RateBudgetHandler(budget ?? new RateBudget(timeProvider), options.MaxConcurrency, timeProvider, log)
            {
                InnerHandler = new AttemptTimeoutHandler(options.Timeout, timeProvider)
                {
                    InnerHandler = tokens is null ? toNetwork : new AuthHandler(tokens) { InnerHandler = toNetwork },
                },
            },
        };

        var client = new HttpClient(chain, disposeHandler: true)
        {
            BaseAddress = RedditEndpoints.WithTrailingSlash(baseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>
    /// A request as every one of this stack is made: HTTP/2 where the server offers it (Reddit does; one connection
    /// carries every request), HTTP/1.1 where it does not.
    /// </summary>
    public static HttpRequestMessage NewRequest(HttpMethod method, string uri) => new(method, uri)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    /// <summary>The network end of the stack; a handler passed to <see cref="CreateClient"/> stays its creator's to dispose.</summary>
    public static SocketsHttpHandler CreateNetworkHandler() => new()
    {
        // Reddit redirects an unknown subreddit to its search page; that must be reported, not followed.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        EnableMultipleHttp2Connections = true, // past the server's limit of streams on one connection
    };

    /// <summary>Passes requests to a handler the caller owns, without disposing it with the chain.</summary>
    private sealed class NotDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The inner handler is the caller's.
        }
    }
}

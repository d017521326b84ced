using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RedditTop.Reddit.Json;

namespace RedditTop.Reddit;

/// <summary>
/// Typed client for Reddit's listing API. Every call returns a <see cref="SubredditResult"/>: failures
/// (HTTP errors, time-outs, bad bodies, anything else) are values, and only the caller's cancellation is thrown.
/// </summary>
internal sealed class RedditClient(HttpClient http, RedditClientOptions options, TimeProvider timeProvider)
{
    /// <summary>
    /// Creates the <see cref="HttpClient"/> this client expects: base address, User-Agent, no redirects.
    /// A <paramref name="handler"/> passed in (a test's mock) stays the caller's to dispose.
    /// </summary>
    public static HttpClient CreateHttpClient(Uri baseUrl, HttpMessageHandler? handler = null)
    {
        var ownHandler = handler is null;
        handler ??= new SocketsHttpHandler
        {
            // Reddit redirects an unknown subreddit to its search page; that must be reported, not followed.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        var client = new HttpClient(handler, disposeHandler: ownHandler)
        {
            BaseAddress = WithTrailingSlash(baseUrl),
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own time-out, see GetTopAsync
        };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>The path and query of a subreddit's top listing, relative to the base address.</summary>
    public static string TopPath(SubredditQuery query, string time) =>
        $"r/{string.Join('+', query.Name.Split('+').Select(Uri.EscapeDataString))}/top.json?t={time}&limit={query.RequestLimit}&raw_json=1";

    /// <summary>
    /// Fetches and parses the top posts of one subreddit. Whatever goes wrong becomes this subreddit's failure, with
    /// a reason a person can read; only the caller's own cancellation is thrown.
    /// </summary>
    public async Task<SubredditResult> GetTopAsync(SubredditQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = new CancellationTokenSource(options.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchAsync(query, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return SubredditResult.Failure(query, timeout.IsCancellationRequested ? FailureReasons.TimedOut(options.Timeout) : FailureReasons.Describe(e));
        }
    }

    private async Task<SubredditResult> FetchAsync(SubredditQuery query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(TopPath(query, options.Time), HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return SubredditResult.Failure(query, await FailureReasons.DescribeAsync(response, timeProvider, cancellationToken).ConfigureAwait(false));
        }

        if (response.Content.Headers.ContentType?.MediaType is { } mediaType && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return SubredditResult.Failure(
                query,
                string.Create(CultureInfo.InvariantCulture, $"unexpected {mediaType} response (HTTP {(int)response.StatusCode}), expected JSON"));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var listing = await JsonSerializer.DeserializeAsync(stream, RedditJsonContext.Default.Listing, cancellationToken).ConfigureAwait(false);
            if (!ListingReader.TryGetPosts(listing, out var posts, out var problem))
            {
                return SubredditResult.Failure(query, FailureReasons.UnexpectedResponse(problem));
            }

            // Whether the server escaped the text is judged on the whole page, before it is cut to the count.
            return SubredditResult.Success(query, RedditText.DecodeIfEscaped(posts).Take(query.Count).ToList());
        }
    }

    private static Uri WithTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}

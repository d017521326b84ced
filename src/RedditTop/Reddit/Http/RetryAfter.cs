using System.Net.Http.Headers;

namespace RedditTop.Reddit.Http;

/// <summary>The wait a 429 or 503 asks for in <c>Retry-After</c>, as seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    /// <summary>The wait, or null when there is none (or the date has passed).</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        var retryAfter = headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date - timeProvider.GetUtcNow());
        return wait > TimeSpan.Zero ? wait : null;
    }
}

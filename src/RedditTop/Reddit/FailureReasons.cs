using System.Net;
using System.Text.Json;
using RedditTop.Reddit.Json;
using RedditTop.Reddit.Models;

namespace RedditTop.Reddit;

/// <summary>Turns what went wrong with one request into a short reason a person can act on.</summary>
internal static class FailureReasons
{
    private const int MaxErrorBodyBytes = 4 * 1024;

    /// <summary>Describes a response that is not a 2xx: <c>not found (HTTP 404)</c>, <c>private subreddit (HTTP 403)</c>.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400)
        {
            return DescribeRedirect(response);
        }

        var reason = await ReadReasonAsync(response, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound when reason == "banned" => "banned (HTTP 404)",
            HttpStatusCode.NotFound => "not found (HTTP 404)",
            HttpStatusCode.Forbidden when reason == "private" => "private subreddit (HTTP 403)",
            HttpStatusCode.Forbidden when reason is "quarantined" or "gold_only" => $"{reason.Replace('_', ' ')} subreddit (HTTP 403)",
            HttpStatusCode.Forbidden => "forbidden (HTTP 403)",
            HttpStatusCode.Unauthorized => "unauthorized (HTTP 401)",
            HttpStatusCode.TooManyRequests => "rate limited (HTTP 429" + RetryAfter(response, timeProvider) + ")",
            _ when code >= 500 => $"server error (HTTP {code}{Phrase(response)})",
            _ => $"HTTP {code}{Phrase(response)}",
        };
    }

    /// <summary>Describes a failure to get a response at all (refused, reset, DNS, TLS).</summary>
    public static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"cannot resolve host ({exception.Message})",
        HttpRequestError.ConnectionError => $"cannot connect ({exception.Message})",
        HttpRequestError.SecureConnectionError => $"TLS error ({exception.Message})",
        HttpRequestError.ResponseEnded => "connection closed before the response was complete",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        _ => $"request failed ({(exception.InnerException ?? exception).GetBaseException().Message})",
    };

    /// <summary>Describes a connection that broke while the body was being read.</summary>
    public static string Describe(IOException exception) =>
        $"connection lost while reading the response ({exception.GetBaseException().Message})";

    /// <summary>Describes a body that is not a listing: <c>invalid JSON ('&lt;' is an invalid start of a value.)</c>.</summary>
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return $"invalid JSON ({(cut > 0 ? message[..cut] : message)})";
    }

    private static string DescribeRedirect(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var code = (int)response.StatusCode;

        // Reddit answers an unknown subreddit with a redirect to its subreddit search.
        if (location is not null && LocationPath(location).StartsWith("/subreddits/search", StringComparison.OrdinalIgnoreCase))
        {
            return $"not found (HTTP {code} to subreddit search)";
        }

        return location is null
            ? $"unexpected redirect (HTTP {code})"
            : $"unexpected redirect (HTTP {code} to {location})";
    }

    private static string LocationPath(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    /// <summary>The <c>reason</c> of a JSON error body (<c>private</c>, <c>banned</c>), reading at most a few KiB of it.</summary>
    private static async Task<string?> ReadReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = new byte[MaxErrorBodyBytes];
                var length = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return length is > 0 and < MaxErrorBodyBytes
                    ? JsonSerializer.Deserialize(body.AsSpan(0, length), RedditJsonContext.Default.RedditError)?.Reason
                    : null;
            }
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    private static string RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delta = retryAfter?.Delta ?? (retryAfter?.Date - timeProvider.GetUtcNow());
        return delta is { } d && d > TimeSpan.Zero ? $", retry after {Math.Ceiling(d.TotalSeconds)} s" : "";
    }

    private static string Phrase(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
}

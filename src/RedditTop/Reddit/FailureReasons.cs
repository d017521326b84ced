using System.Globalization;
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
            _ when code >= 500 => string.Create(CultureInfo.InvariantCulture, $"server error (HTTP {code}{Phrase(response)})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"HTTP {code}{Phrase(response)}"),
        };
    }

    /// <summary>
    /// Describes anything that went wrong after the request was sent: no response (refused, reset, DNS, TLS), a body
    /// cut off or not decompressible, JSON that is not a listing. Every exception has a reason, so one odd response
    /// never ends the run.
    /// </summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpRequestException e => Describe(e),
        JsonException e => Describe(e),
        InvalidDataException => "cannot decompress the response body (not valid gzip or deflate data)",
        IOException e => $"connection lost while reading the response ({e.GetBaseException().Message})",
        OperationCanceledException => "request cancelled",
        _ => $"unexpected error ({exception.Message})",
    };

    /// <summary>The reason for a request that got no answer within <paramref name="timeout"/>: <c>timed out after 2.5 s</c>.</summary>
    public static string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s");

    /// <summary>The reason for a body that is JSON but not a usable listing: <c>unexpected response: listing has no data</c>.</summary>
    public static string UnexpectedResponse(string problem) => $"unexpected response: {problem}";

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"cannot resolve host ({exception.Message})",
        HttpRequestError.ConnectionError => $"cannot connect ({exception.Message})",
        HttpRequestError.SecureConnectionError => $"TLS error ({exception.Message})",
        HttpRequestError.ResponseEnded => "connection closed before the response was complete",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        _ => $"request failed ({(exception.InnerException ?? exception).GetBaseException().Message})",
    };

    /// <summary>
    /// Describes a body that the JSON parser refused, in the user's terms: where the JSON breaks
    /// (<c>invalid JSON at byte 88 (expected end of string, but instead reached end of data)</c>), or which value
    /// does not fit a listing (<c>unexpected response: invalid value at data.children[3].data.score</c>).
    /// </summary>
    private static string Describe(JsonException exception)
    {
        // The parser's own errors (syntax, nesting too deep) come wrapped, with a message in JSON's terms.
        if (exception.InnerException is JsonException syntax)
        {
            var line = exception.LineNumber ?? 0;
            var at = line == 0
                ? string.Create(CultureInfo.InvariantCulture, $"byte {exception.BytePositionInLine ?? 0}")
                : string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {exception.BytePositionInLine ?? 0}");
            return $"invalid JSON at {at} ({FirstSentence(syntax.Message)})";
        }

        // Valid JSON of the wrong shape: the message names .NET types, so only the place is reported.
        return exception.Path is null or "$"
            ? UnexpectedResponse("not a listing")
            : UnexpectedResponse($"invalid value at {exception.Path.TrimStart('$').TrimStart('.')}");
    }

    /// <summary><c>Expected end of string, but instead reached end of data. LineNumber: ...</c> → <c>expected end of string, but instead reached end of data</c>.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = (end >= 0 ? message[..end] : message).TrimEnd('.');
        return sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;
    }

    private static string DescribeRedirect(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        var code = (int)response.StatusCode;

        // Reddit answers an unknown subreddit with a redirect to its subreddit search.
        if (location is not null && LocationPath(location).StartsWith("/subreddits/search", StringComparison.OrdinalIgnoreCase))
        {
            return string.Create(CultureInfo.InvariantCulture, $"not found (HTTP {code} to subreddit search)");
        }

        return location is null
            ? string.Create(CultureInfo.InvariantCulture, $"unexpected redirect (HTTP {code})")
            : string.Create(CultureInfo.InvariantCulture, $"unexpected redirect (HTTP {code} to {location})");
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the status alone still says what happened
        }
    }

    private static string RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var retryAfter = response.Headers.RetryAfter;
        var delta = retryAfter?.Delta ?? (retryAfter?.Date - timeProvider.GetUtcNow());
        return delta is { } d && d > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $", retry after {Math.Ceiling(d.TotalSeconds)} s")
            : "";
    }

    private static string Phrase(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
}

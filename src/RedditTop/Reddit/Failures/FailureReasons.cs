using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit.Failures;

/// <summary>
/// The one place that turns what went wrong with a request into a <see cref="FetchFailure"/>, and a failure into the
/// short reason a person reads (<c>not found (HTTP 404)</c>, <c>rate limited (HTTP 429, retry after 4 s)</c>).
/// </summary>
internal static class FailureReasons
{
    private const int MaxErrorBodyBytes = 4 * 1024;

    /// <summary>
    /// Classifies a response that is not a 2xx, reading at most a few KiB of its body for Reddit's <c>reason</c>. For an
    /// <paramref name="anonymous"/> request, a 403 without a reason is Reddit blocking the network, not the subreddit.
    /// </summary>
    public static async Task<FetchFailure> FromResponseAsync(HttpResponseMessage response, TimeProvider timeProvider, bool anonymous, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400)
        {
            // Reddit answers an unknown subreddit with a redirect to its subreddit search.
            var location = response.Headers.Location;
            return location is not null && LocationPath(location).StartsWith("/subreddits/search", StringComparison.OrdinalIgnoreCase)
                ? new FetchFailure(FailureKind.NotFound, code)
                : new FetchFailure(FailureKind.Redirect, code, Detail: location?.OriginalString);
        }

        var reason = await ReadReasonAsync(response, cancellationToken).ConfigureAwait(false);
        var kind = response.StatusCode switch
        {
            HttpStatusCode.NotFound when reason == "banned" => FailureKind.Banned,
            HttpStatusCode.NotFound => FailureKind.NotFound,
            HttpStatusCode.Forbidden when reason == "private" => FailureKind.Private,
            HttpStatusCode.Forbidden when reason == "quarantined" => FailureKind.Quarantined,
            HttpStatusCode.Forbidden when reason == "gold_only" => FailureKind.GoldOnly,
            HttpStatusCode.Forbidden when reason is null && anonymous => FailureKind.Blocked,
            HttpStatusCode.Forbidden => FailureKind.Forbidden,
            HttpStatusCode.Unauthorized => FailureKind.Unauthorized,
            HttpStatusCode.TooManyRequests => FailureKind.RateLimited,
            _ when code >= 500 => FailureKind.ServerError,
            _ => FailureKind.HttpError,
        };
        return new FetchFailure(kind, code, RetryAfter(response.Headers, timeProvider), Detail: response.ReasonPhrase);
    }

    /// <summary>
    /// Classifies anything thrown after the request was sent: no response (refused, reset, DNS, TLS), a body cut off
    /// or not decompressible, JSON that is not a listing. Every exception has a reason, so one odd response never ends
    /// the run.
    /// </summary>
    public static FetchFailure FromException(Exception exception) => exception switch
    {
        HttpRequestException e => new FetchFailure(FailureKind.Network, Detail: Describe(e)),
        Auth.TokenRequestException e => new FetchFailure(FailureKind.AuthenticationFailed, Detail: e.Message),
        JsonException { InnerException: JsonException syntax } e => new FetchFailure(FailureKind.InvalidJson, Detail: $"{Position(e)} ({FirstSentence(syntax.Message)})"),
        JsonException { Path: null or "$" } => new FetchFailure(FailureKind.InvalidResponse, Detail: "not a listing"),
        JsonException e => new FetchFailure(FailureKind.InvalidResponse, Detail: $"invalid value at {e.Path!.TrimStart('$').TrimStart('.')}"),
        InvalidDataException => new FetchFailure(FailureKind.InvalidResponse, Detail: "cannot decompress the body (not valid gzip or deflate data)"),
        ResponseTooLargeException e => new FetchFailure(FailureKind.TooLarge, Detail: Size(e.Limit)),
        TooManyChildrenException e => new FetchFailure(FailureKind.InvalidResponse, Detail: string.Create(CultureInfo.InvariantCulture, $"listing has more than {e.Limit} children (Reddit sends at most 100 a page)")),
        Polly.Timeout.TimeoutRejectedException e => new FetchFailure(FailureKind.TimedOut, Limit: e.Timeout),
        IOException e => new FetchFailure(FailureKind.Network, Detail: $"connection lost while reading the response ({e.GetBaseException().Message})"),
        OperationCanceledException => new FetchFailure(FailureKind.Unexpected, Detail: "request cancelled"),
        _ => new FetchFailure(FailureKind.Unexpected, Detail: exception.Message),
    };

    /// <summary>The wait a 429 or 503 asks for, as seconds or as an HTTP date; null when there is none (or it has passed).</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        var retryAfter = headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date - timeProvider.GetUtcNow());
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>
    /// The reason a person reads: one short phrase, numbers in the invariant culture. A detail can quote the server (a
    /// JSON reader's message quotes the bytes it stopped at), so the phrase is cleaned like any text from a server
    /// (<see cref="Sanitizer"/>): it stays one line and no escape sequence in a body reaches the terminal.
    /// </summary>
    public static string Phrase(FetchFailure failure)
    {
        var status = failure.Status?.ToString(CultureInfo.InvariantCulture);
        var phrase = failure.Kind switch
        {
            FailureKind.NotFound when failure.Status is >= 300 and < 400 => $"not found (HTTP {status} to subreddit search)",
            FailureKind.NotFound => $"not found (HTTP {status})",
            FailureKind.Banned => $"banned (HTTP {status})",
            FailureKind.Private => $"private subreddit (HTTP {status})",
            FailureKind.Quarantined => $"quarantined subreddit (HTTP {status})",
            FailureKind.GoldOnly => $"gold only subreddit (HTTP {status})",
            FailureKind.Forbidden => $"forbidden (HTTP {status})",
            FailureKind.Blocked => $"Reddit blocked the anonymous request (HTTP {status})",
            FailureKind.AuthenticationFailed => $"authentication failed: {failure.Detail}",
            FailureKind.Unauthorized => $"unauthorized (HTTP {status})",
            FailureKind.RateLimited => $"rate limited (HTTP {status}{(failure.RetryAfter is { } wait ? $", retry after {Seconds(wait, ceiling: true)} s" : "")})",
            FailureKind.ServerError => $"server error (HTTP {status}{WithSpace(failure.Detail)})",
            FailureKind.HttpError => $"HTTP {status}{WithSpace(failure.Detail)}",
            FailureKind.Redirect => failure.Detail is null ? $"unexpected redirect (HTTP {status})" : $"unexpected redirect (HTTP {status} to {failure.Detail})",
            FailureKind.TimedOut => $"timed out after {Seconds(failure.Limit ?? TimeSpan.Zero)} s",
            FailureKind.DeadlineReached => $"timed out: deadline of {Seconds(failure.Limit ?? TimeSpan.Zero)} s reached",
            FailureKind.WebPage => "Reddit answered with a web page, not JSON",
            FailureKind.InvalidJson => $"invalid JSON at {failure.Detail}",
            FailureKind.InvalidResponse => $"unexpected response: {failure.Detail}",
            FailureKind.TooLarge => $"response too large (over {failure.Detail})",
            FailureKind.Network => failure.Detail ?? "network error",
            _ => $"unexpected error ({failure.Detail})",
        };
        return Sanitizer.Clean(failure.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $"{phrase}, {failure.Attempts} attempts") : phrase);
    }

    /// <summary><c>16 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>.</summary>
    public static string Size(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"cannot resolve host ({exception.Message})",
        HttpRequestError.ConnectionError => $"cannot connect ({exception.Message})",
        HttpRequestError.SecureConnectionError => $"TLS error ({exception.Message})",
        HttpRequestError.ResponseEnded => "connection closed before the response was complete",
        HttpRequestError.InvalidResponse => "invalid HTTP response",
        _ => $"request failed ({(exception.InnerException ?? exception).GetBaseException().Message})",
    };

    /// <summary><c>byte 88</c> on a one-line body, <c>line 2, byte 27</c> otherwise.</summary>
    private static string Position(JsonException exception)
    {
        var line = exception.LineNumber ?? 0;
        var bytes = exception.BytePositionInLine ?? 0;
        return line == 0
            ? string.Create(CultureInfo.InvariantCulture, $"byte {bytes}")
            : string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {bytes}");
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

    private static string Seconds(TimeSpan time, bool ceiling = false) =>
        ceiling
            ? Math.Ceiling(time.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string WithSpace(string? text) => string.IsNullOrEmpty(text) ? "" : " " + text;

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
}

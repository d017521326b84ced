using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;
using RedditTop.Storage;

namespace RedditTop.Reddit.Failures;

/// <summary>
/// The one place that turns what went wrong with a request into a <see cref="FetchFailure"/>: an answer that is not a
/// success (<see cref="FromResponseAsync"/>), or anything thrown after the request was sent (<see cref="FromException"/>),
/// for listings and the token endpoint alike. <see cref="FailureText"/> puts the result into words.
/// </summary>
internal static class FailureClassifier
{
    /// <summary>An error body is read only for Reddit's <c>reason</c>, which fits in far less.</summary>
    public const int MaxErrorBodyBytes = 4 * 1024;

    /// <summary>
    /// Classifies an answer that is not a 2xx, reading at most <see cref="MaxErrorBodyBytes"/> of its body (through
    /// <see cref="ResponseBody"/>, with the attempt's time-out) for Reddit's <c>reason</c>.
    /// </summary>
    public static async Task<FetchFailure> FromResponseAsync(
        HttpResponseMessage response,
        RequestKind kind,
        int attempts,
        BodyLimits limits,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        attempts = Math.Max(1, attempts);
        if (code is >= 300 and < 400)
        {
            // Reddit answers an unknown subreddit with a redirect to its subreddit search.
            var location = response.Headers.Location;
            return location is not null && LocationPath(location).StartsWith("/subreddits/search", StringComparison.OrdinalIgnoreCase)
                ? new FetchFailure(FailureKind.NotFound, code, Attempts: attempts)
                : new FetchFailure(FailureKind.Redirect, code, Attempts: attempts, Said: location is null ? null : new ServerText(location.OriginalString));
        }

        if (kind == RequestKind.Token && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new FetchFailure(FailureKind.CredentialsRefused, code, Attempts: attempts);
        }

        var reason = await ReadReasonAsync(response, limits with { MaxBytes = MaxErrorBodyBytes }, timeProvider, cancellationToken).ConfigureAwait(false);
        var failure = response.StatusCode switch
        {
            HttpStatusCode.NotFound when reason == "banned" => FailureKind.Banned,
            HttpStatusCode.NotFound => FailureKind.NotFound,
            HttpStatusCode.Forbidden when reason == "private" => FailureKind.Private,
            HttpStatusCode.Forbidden when reason == "quarantined" => FailureKind.Quarantined,
            HttpStatusCode.Forbidden when reason == "gold_only" => FailureKind.GoldOnly,
            HttpStatusCode.Forbidden when reason is null && kind == RequestKind.AnonymousListing => FailureKind.Blocked,
            HttpStatusCode.Forbidden => FailureKind.Forbidden,
            HttpStatusCode.Unauthorized => FailureKind.Unauthorized,
            HttpStatusCode.TooManyRequests => FailureKind.RateLimited,
            _ when code >= 500 => FailureKind.ServerError,
            _ => FailureKind.HttpError,
        };
        var said = response.ReasonPhrase is { Length: > 0 } phrase ? new ServerText(phrase) : (ServerText?)null;
        return new FetchFailure(failure, code, RetryAfter.From(response.Headers, timeProvider), Attempts: attempts, Said: said);
    }

    /// <summary>
    /// Classifies a success that is a web page where JSON belongs, by its type: a page, not an answer. A 200 is never a
    /// block (Reddit blocks with a 403). Null for anything else; a page under another type is found as it is read
    /// (<see cref="FromUnreadableBody"/>).
    /// </summary>
    public static FetchFailure? FromWebPage(HttpResponseMessage response, int attempts) =>
        response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
            ? new FetchFailure(FailureKind.WebPage, (int)response.StatusCode, Attempts: Math.Max(1, attempts))
            : null;

    /// <summary>
    /// Classifies a success whose body is not JSON: an HTML page under a JSON or text type (its first byte is
    /// <c>&lt;</c>) is a web page; anything else is what it threw (<see cref="FromException"/>).
    /// </summary>
    public static FetchFailure FromUnreadableBody(Exception exception, int firstByte, int status, int attempts) =>
        exception is JsonException && firstByte == '<'
            ? new FetchFailure(FailureKind.WebPage, status, Attempts: Math.Max(1, attempts))
            : FromException(exception, attempts);

    /// <summary>
    /// Classifies anything thrown after the request was sent: no response (refused, reset, DNS, TLS), an attempt or a
    /// body that took too long, a body cut off, too large or not decompressible, JSON that is not a listing; or instead
    /// of sending it, Reddit's rate budget spent until after the deadline. Every exception has a reason, so one odd
    /// response never ends the run.
    /// </summary>
    public static FetchFailure FromException(Exception exception, int attempts = 1)
    {
        var failure = exception switch
        {
            HttpRequestException e => new FetchFailure(FailureKind.Network, Detail: Describe(e)),
            Auth.TokenRequestException e => new FetchFailure(FailureKind.AuthenticationFailed, Cause: e.Failure),
            JsonException { InnerException: JsonException syntax } e => new FetchFailure(FailureKind.InvalidJson, Detail: Position(e), Said: new ServerText(FirstSentence(syntax.Message))),
            JsonException { Path: null or "$" } => new FetchFailure(FailureKind.InvalidResponse, Detail: "not a listing"),
            JsonException e => new FetchFailure(FailureKind.InvalidResponse, Detail: $"invalid value at {e.Path!.TrimStart('$').TrimStart('.')}"),
            InvalidDataException => new FetchFailure(FailureKind.InvalidResponse, Detail: "cannot decompress the body (not valid gzip, deflate or brotli data)"),
            ResponseTooLargeException e => new FetchFailure(FailureKind.TooLarge, Detail: ByteSize.Format(e.Limit)),
            TooManyChildrenException e => new FetchFailure(FailureKind.InvalidResponse, Detail: string.Create(CultureInfo.InvariantCulture, $"listing has more than {e.Limit} children (Reddit sends at most 100 a page)")),
            TimeoutRejectedException e => new FetchFailure(FailureKind.TimedOut, Limit: e.Timeout),
            RateBudgetSpentException e => new FetchFailure(FailureKind.RateLimited, RetryAfter: e.ResetsIn),
            IOException e => new FetchFailure(FailureKind.Network, Detail: $"connection lost while reading the response ({e.GetBaseException().Message})"),
            OperationCanceledException => new FetchFailure(FailureKind.Unexpected, Detail: "request cancelled"),
            _ => new FetchFailure(FailureKind.Unexpected, Detail: exception.Message),
        };

        // The attempt the budget turned away was counted, but never sent.
        var sent = exception is RateBudgetSpentException ? attempts - 1 : attempts;
        return failure with { Attempts = Math.Max(1, sent) };
    }

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
        return FailureText.LowerFirst((end >= 0 ? message[..end] : message).TrimEnd('.'));
    }

    private static string LocationPath(Uri location) =>
        location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    /// <summary>The <c>reason</c> of a JSON error body (<c>private</c>, <c>banned</c>), or null.</summary>
    private static async Task<string?> ReadReasonAsync(HttpResponseMessage response, BodyLimits limits, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            var body = await ResponseBody.OpenAsync(response, limits, timeProvider, cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var error = await JsonSerializer.DeserializeAsync(body, RedditJsonContext.Default.RedditError, cancellationToken).ConfigureAwait(false);
                return error?.Reason;
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the status alone still says what happened
        }
    }
}

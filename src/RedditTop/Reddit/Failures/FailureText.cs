using System.Globalization;

namespace RedditTop.Reddit.Failures;

/// <summary>
/// The one place a <see cref="FetchFailure"/> becomes words: one short phrase a person reads on stderr and in the json
/// format's <c>message</c> (<c>not found (HTTP 404)</c>, <c>rate limited (HTTP 429, retry after 4 s)</c>), numbers in
/// the invariant culture. What the server said arrives as <see cref="ServerText"/>, already cleaned; the whole phrase
/// is cleaned once more, since a detail can quote a library's message about the server's bytes.
/// </summary>
internal static class FailureText
{
    public static string Phrase(FetchFailure failure)
    {
        var phrase = Words(failure);
        return Sanitizer.Clean(failure.Attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $"{phrase}, {failure.Attempts} attempts") : phrase);
    }

    /// <summary>
    /// A library's sentence in the tool's style: <c>Expected a value</c> → <c>expected a value</c>; an acronym or a name
    /// that starts with two capitals (<c>HTTP</c>, <c>JSON</c>) stays as it is.
    /// </summary>
    public static string LowerFirst(string sentence) =>
        sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1])
            ? char.ToLowerInvariant(sentence[0]) + sentence[1..]
            : sentence;

    private static string Words(FetchFailure failure)
    {
        var status = failure.Status?.ToString(CultureInfo.InvariantCulture);
        return failure.Kind switch
        {
            FailureKind.NotFound when failure.Status is >= 300 and < 400 => $"not found (HTTP {status} to subreddit search)",
            FailureKind.NotFound => $"not found (HTTP {status})",
            FailureKind.Banned => $"banned (HTTP {status})",
            FailureKind.Private => $"private subreddit (HTTP {status})",
            FailureKind.Quarantined => $"quarantined subreddit (HTTP {status})",
            FailureKind.GoldOnly => $"gold only subreddit (HTTP {status})",
            FailureKind.Forbidden => $"forbidden (HTTP {status})",
            FailureKind.Blocked => $"Reddit blocked the anonymous request (HTTP {status})",
            FailureKind.AuthenticationFailed => $"authentication failed: {(failure.Cause is { } cause ? Phrase(cause) : "no token")}",
            FailureKind.CredentialsRefused => $"Reddit refused the app's credentials (HTTP {status}): check {failure.Detail}",
            FailureKind.TokenRefused => $"the token endpoint refused the request: {failure.Said}{WithSpace(failure.Detail)}",
            FailureKind.TokenNotJson => "the token endpoint did not answer with JSON",
            FailureKind.NoToken => "the token endpoint sent no access token",
            FailureKind.UnusableToken => "the token endpoint sent an access token that cannot be used (longer than 4 KiB, or with spaces, control or non-ASCII characters)",
            FailureKind.Unauthorized => $"unauthorized (HTTP {status})",
            FailureKind.RateLimited when failure.Status is null => $"rate limited (Reddit's budget resets in {Seconds(failure.RetryAfter ?? TimeSpan.Zero, ceiling: true)} s)",
            FailureKind.RateLimited => $"rate limited (HTTP {status}{(failure.RetryAfter is { } wait ? $", retry after {Seconds(wait, ceiling: true)} s" : "")})",
            FailureKind.ServerError => $"server error (HTTP {status}{WithSpace(failure.Said)})",
            FailureKind.HttpError => $"HTTP {status}{WithSpace(failure.Said)}",
            FailureKind.Redirect => failure.Said is { } location ? $"unexpected redirect (HTTP {status} to {location})" : $"unexpected redirect (HTTP {status})",
            FailureKind.TimedOut => $"timed out after {Seconds(failure.Limit ?? TimeSpan.Zero)} s",
            FailureKind.DeadlineReached => $"timed out: deadline of {Seconds(failure.Limit ?? TimeSpan.Zero)} s reached",
            FailureKind.WebPage => $"Reddit answered with a web page, not JSON (HTTP {status})",
            FailureKind.InvalidJson => $"invalid JSON at {failure.Detail}{(failure.Said is { } said ? $" ({said})" : "")}",
            FailureKind.InvalidResponse => $"unexpected response: {failure.Detail}",
            FailureKind.TooLarge => $"response too large (over {failure.Detail})",
            FailureKind.Network => failure.Detail ?? "network error",
            _ => $"unexpected error ({failure.Detail})",
        };
    }

    /// <summary>A time as the messages give it: <c>0.5</c>, <c>60</c>; with <paramref name="ceiling"/>, whole seconds rounded up.</summary>
    public static string Seconds(TimeSpan time, bool ceiling = false) =>
        ceiling
            ? Math.Ceiling(time.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string WithSpace(object? text) => text?.ToString() is { Length: > 0 } value ? " " + value : "";
}

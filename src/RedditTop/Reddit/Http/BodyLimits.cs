namespace RedditTop.Reddit.Http;

/// <summary>
/// What a response body may cost: <see cref="Timeout"/> to arrive once the headers are in (the attempt's time-out,
/// again) and <see cref="MaxBytes"/>, counted as it streams.
/// </summary>
internal readonly record struct BodyLimits(TimeSpan Timeout, long MaxBytes);

namespace RedditTop.Reddit.Failures;

/// <summary>
/// Why one subreddit could not be fetched, as data: the kind, the HTTP status, the wait Reddit asked for, the time
/// limit that passed, how many attempts were made, and a detail (a location, a JSON position, a network error).
/// <see cref="FailureReasons.Phrase"/> derives the sentence a person reads.
/// </summary>
internal sealed record FetchFailure(
    FailureKind Kind,
    int? Status = null,
    TimeSpan? RetryAfter = null,
    TimeSpan? Limit = null,
    string? Detail = null,
    int Attempts = 1);

namespace RedditTop.Reddit.Failures;

/// <summary>
/// Why a request failed, as data: the kind, the HTTP status, the wait Reddit asked for, the time limit that passed,
/// how many attempts were made, a detail in reddittop's own words (a JSON position, a size, a network error), what the
/// server itself said (<see cref="Said"/>, cleaned before anyone reads it), and for
/// <see cref="FailureKind.AuthenticationFailed"/> the failure of the token request behind it (<see cref="Cause"/>).
/// <see cref="FailureText.Phrase"/> derives the sentence a person reads; retry decisions, exit codes and the json
/// format read the kind.
/// </summary>
internal sealed record FetchFailure(
    FailureKind Kind,
    int? Status = null,
    TimeSpan? RetryAfter = null,
    TimeSpan? Limit = null,
    string? Detail = null,
    int Attempts = 1,
    ServerText? Said = null,
    FetchFailure? Cause = null);

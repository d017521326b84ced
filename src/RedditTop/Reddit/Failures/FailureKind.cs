namespace RedditTop.Reddit.Failures;

/// <summary>What went wrong with a request: a subreddit's, or the token endpoint's. Retry decisions, exit codes and every output read this, not the phrase.</summary>
internal enum FailureKind
{
    /// <summary>404, or Reddit's redirect of an unknown name to its subreddit search.</summary>
    NotFound,

    /// <summary>404 with reason <c>banned</c>.</summary>
    Banned,

    /// <summary>403 with reason <c>private</c>.</summary>
    Private,

    /// <summary>403 with reason <c>quarantined</c>.</summary>
    Quarantined,

    /// <summary>403 with reason <c>gold_only</c>.</summary>
    GoldOnly,

    /// <summary>Any other 403.</summary>
    Forbidden,

    /// <summary>An anonymous request answered with a 403 without a reason: Reddit blocks the network.</summary>
    Blocked,

    /// <summary>A request could not get the app's token; <see cref="FetchFailure.Cause"/> says why.</summary>
    AuthenticationFailed,

    /// <summary>The token endpoint answered 401: the app's id or secret is wrong.</summary>
    CredentialsRefused,

    /// <summary>The token endpoint answered with an <c>error</c> (<c>invalid_grant</c>, <c>unsupported_grant_type</c>).</summary>
    TokenRefused,

    /// <summary>The token endpoint's answer is not JSON.</summary>
    TokenNotJson,

    /// <summary>The token endpoint's answer holds no access token.</summary>
    NoToken,

    /// <summary>The token endpoint's access token cannot be sent back in a header: too long, or not plain ASCII.</summary>
    UnusableToken,

    /// <summary>401.</summary>
    Unauthorized,

    /// <summary>
    /// 429, after the retries Reddit's wait allowed; or, with no status, a request not sent because Reddit's rate budget
    /// is spent until after the run's deadline (<see cref="FetchFailure.RetryAfter"/> is the wait for its reset).
    /// </summary>
    RateLimited,

    /// <summary>5xx, after the retries.</summary>
    ServerError,

    /// <summary>Any other status that is not a success.</summary>
    HttpError,

    /// <summary>A redirect that is not to the subreddit search.</summary>
    Redirect,

    /// <summary>No answer within the time-out of an attempt, after the retries.</summary>
    TimedOut,

    /// <summary>The run's deadline passed before this subreddit was complete.</summary>
    DeadlineReached,

    /// <summary>An HTML page where JSON belongs.</summary>
    WebPage,

    /// <summary>A body that is not JSON, or is cut off.</summary>
    InvalidJson,

    /// <summary>JSON that is not a usable listing.</summary>
    InvalidResponse,

    /// <summary>A body over the size cap.</summary>
    TooLarge,

    /// <summary>No response, or a connection lost while reading it.</summary>
    Network,

    /// <summary>Anything else; a bug in reddittop or in a library.</summary>
    Unexpected,
}

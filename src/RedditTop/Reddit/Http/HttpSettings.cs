namespace RedditTop.Reddit.Http;

/// <summary>
/// What every stack of a run shares: the request options (time-out, retries, concurrency, body cap), the run's
/// deadline, the clock, the <c>--verbose</c> log (or null) and the retries' jitter (a test's fixed one, or null).
/// </summary>
internal sealed record HttpSettings(RedditClientOptions Options, RunDeadline Deadline, TimeProvider Time, Action<string>? Log = null, Func<double>? Randomizer = null)
{
    /// <summary>What a body may cost: the attempt's time-out again, and the size cap.</summary>
    public BodyLimits Body => new(Options.Timeout, Options.MaxResponseBytes);
}

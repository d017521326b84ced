using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The Polly pipeline every request goes through: retries of what is transient (408, 429, 500, 502, 503, 504,
/// connection failures, attempts that timed out) with exponential backoff and jitter, Reddit's <c>Retry-After</c>
/// honoured in both forms. A wait that would pass the run's deadline is not slept: the last answer stands, so the
/// subreddit fails at once with the wait Reddit asked for. The time-out of each attempt is further down the stack
/// (<see cref="AttemptTimeoutHandler"/>), so that waiting for a concurrency slot or the rate budget is not part of it.
/// </summary>
internal static class RetryPipeline
{
    /// <summary>The first backoff; later ones double (1 s, 2 s, 4 s, ... with jitter) unless Reddit names a wait.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    public static ResiliencePipeline<HttpResponseMessage> Build(
        int retries,
        RunDeadline deadline,
        TimeProvider timeProvider,
        Func<double>? randomizer = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (retries > 0)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && WaitFitsBefore(deadline, args.Outcome, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter.From(response.Headers, timeProvider) : null),
            };
            if (randomizer is not null)
            {
                retry.Randomizer = randomizer;
            }

            builder.AddRetry(retry);
        }

        return builder.Build();
    }

    /// <summary>Whether an outcome is worth another attempt. 400, 401, 403 and 404 never are.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    private static bool WaitFitsBefore(RunDeadline deadline, Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is not { } response
        || RetryAfter.From(response.Headers, timeProvider) is not { } wait
        || timeProvider.GetUtcNow() + wait <= deadline.At;
}

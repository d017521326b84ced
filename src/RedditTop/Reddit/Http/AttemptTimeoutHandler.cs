using Polly.Timeout;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The time-out of one attempt (<c>--timeout</c>), until the response's headers. It sits below the concurrency limit
/// and the rate budget, so it starts when the attempt is sent: a request waiting for a slot or for the budget has not
/// been sent yet, and cannot have timed out. It fails the attempt with <see cref="TimeoutRejectedException"/>, which
/// the retries treat as transient.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(RequestInfo.SentAt, timeProvider.GetTimestamp());
        using var timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        timer.CancelAfter(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException("the attempt timed out", timeout, e);
        }
    }
}

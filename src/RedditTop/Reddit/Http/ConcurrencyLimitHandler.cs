namespace RedditTop.Reddit.Http;

/// <summary>
/// Lets an attempt go down the stack only while fewer than <c>--max-concurrency</c> are in flight. It sits inside the
/// retries, so a retry waiting out its backoff holds no slot.
/// </summary>
internal sealed class ConcurrencyLimitHandler(int maxConcurrency) : DelegatingHandler
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _slots.Dispose();
        }

        base.Dispose(disposing);
    }
}

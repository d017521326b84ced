using System.Diagnostics;
using System.Globalization;
using RedditTop.Reddit.Failures;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Lets each attempt go only when a concurrency slot is free (<c>--max-concurrency</c>) and the shared
/// <see cref="RateBudget"/> allows it, feeds the budget from the answer, and writes the <c>--verbose</c> line of
/// the attempt. It sits inside the retries: every attempt costs Reddit budget, and a retry waiting out its backoff
/// holds no slot.
/// </summary>
internal sealed class RateBudgetHandler(RateBudget budget, int maxConcurrency, TimeProvider timeProvider, Action<string>? log) : DelegatingHandler
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var started = timeProvider.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                budget.Update(response.Headers);
                Log(request, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"), started);
                return response;
            }
            catch (Exception e) when (log is not null)
            {
                Log(request, e is OperationCanceledException ? "cancelled" : FailureReasons.Phrase(FailureReasons.FromException(e)), started);
                throw;
            }
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

    /// <summary><c>reddittop: r/python: attempt 2: HTTP 503 in 41 ms, budget 97 left</c>.</summary>
    private void Log(HttpRequestMessage request, string outcome, long started)
    {
        if (log is null)
        {
            return;
        }

        var label = request.Options.TryGetValue(RequestInfo.Label, out var value) ? value : request.RequestUri?.AbsolutePath;
        var milliseconds = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        var left = budget.Remaining is { } remaining ? remaining.ToString("0.#", CultureInfo.InvariantCulture) : "unknown";
        log(string.Create(CultureInfo.InvariantCulture, $"reddittop: {label}: attempt {RequestInfo.AttemptsOf(request)}: {outcome} in {milliseconds:0} ms, budget {left} left"));
    }
}

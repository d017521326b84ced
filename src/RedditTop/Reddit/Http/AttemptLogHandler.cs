using System.Globalization;
using RedditTop.Reddit.Failures;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Writes the <c>--verbose</c> line of each attempt once it is answered or has failed:
/// <c>reddittop: r/python: attempt 2: HTTP 503 in 41 ms, budget 97 left</c>, or <c>budget unknown</c> before Reddit has
/// said; a subreddit read page by page names the page (<c>r/python: page 2: attempt 1: ...</c>). The time counts from
/// when the attempt was sent (<see cref="RequestInfo.SentAt"/>), not from when it began to wait for a slot or the budget.
/// </summary>
internal sealed class AttemptLogHandler(Action<string> log, RateBudget? budget, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Log(request, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"), started);
            return response;
        }
        catch (Exception e) when (SentAt(request, started) is not null)
        {
            // An attempt still waiting for the budget when it was cancelled was never made, and has no line.
            Log(request, e is OperationCanceledException ? "cancelled" : FailureText.Phrase(FailureClassifier.FromException(e)), started);
            throw;
        }
    }

    /// <summary>When this attempt was sent, or null while it has not been.</summary>
    private static long? SentAt(HttpRequestMessage request, long started) =>
        request.Options.TryGetValue(RequestInfo.SentAt, out var at) && at >= started ? at : null;

    private void Log(HttpRequestMessage request, string outcome, long started)
    {
        var label = request.Options.TryGetValue(RequestInfo.Label, out var value) ? value : request.RequestUri?.AbsolutePath;
        var milliseconds = timeProvider.GetElapsedTime(SentAt(request, started) ?? started).TotalMilliseconds;
        var left = budget?.Remaining is { } remaining ? remaining.ToString("0.#", CultureInfo.InvariantCulture) + " left" : "unknown";
        log(string.Create(CultureInfo.InvariantCulture, $"reddittop: {label}: attempt {RequestInfo.AttemptsOf(request)}: {outcome} in {milliseconds:0} ms, budget {left}"));
    }
}

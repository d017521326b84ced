namespace RedditTop.Reddit.Http;

/// <summary>
/// Lets an attempt go only when the shared <see cref="RateBudget"/> allows it, and feeds the budget from the answer.
/// It sits inside the retries: every attempt costs Reddit budget. An attempt that could go only after the run's
/// <paramref name="deadline"/> is not made: it fails at once (<see cref="RateBudgetSpentException"/>), not at the deadline.
/// </summary>
internal sealed class RateBudgetHandler(RateBudget budget, RunDeadline deadline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(deadline.At, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        budget.Update(response.Headers);
        return response;
    }
}

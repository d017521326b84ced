namespace RedditTop.Reddit.Http;

/// <summary>
/// Lets an attempt go only when the shared <see cref="RateBudget"/> allows it, and feeds the budget from the answer.
/// It sits inside the retries: every attempt costs Reddit budget.
/// </summary>
internal sealed class RateBudgetHandler(RateBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        budget.Update(response.Headers);
        return response;
    }
}

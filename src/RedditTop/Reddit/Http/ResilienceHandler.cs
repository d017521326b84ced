using Polly;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Runs every request through the retry pipeline (<see cref="RetryPipeline"/>): each attempt goes down the rest of
/// the stack, and the attempts are counted on the request (<see cref="RequestInfo.Attempts"/>).
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            static async (state, token) =>
            {
                state.request.Options.Set(RequestInfo.Attempts, RequestInfo.AttemptsOf(state.request) + 1);
                return await state.handler.SendNextAsync(state.request, token).ConfigureAwait(false);
            },
            (handler: this, request),
            cancellationToken).ConfigureAwait(false);

    private Task<HttpResponseMessage> SendNextAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

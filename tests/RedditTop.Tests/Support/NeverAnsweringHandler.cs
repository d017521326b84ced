using System.Threading.Channels;

namespace RedditTop.Tests.Support;

/// <summary>
/// A server that accepts a request and never answers: every request, or only those under one path, the others
/// going on to an inner handler (a MockHttp mock). Each held request's cancellation token is published on
/// <see cref="Requests"/> the moment it arrives, so a test can wait for the request and then watch it be cancelled.
/// </summary>
internal sealed class NeverAnsweringHandler : DelegatingHandler
{
    private readonly string? _pathPrefix;

    public NeverAnsweringHandler()
    {
    }

    public NeverAnsweringHandler(string pathPrefix, HttpMessageHandler others)
        : base(others)
    {
        _pathPrefix = pathPrefix;
    }

    public Channel<CancellationToken> Requests { get; } = Channel.CreateUnbounded<CancellationToken>();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_pathPrefix is not null && request.RequestUri?.AbsolutePath.StartsWith(_pathPrefix, StringComparison.Ordinal) != true)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Requests.Writer.TryWrite(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Waits until a held request has arrived; returns its cancellation token.</summary>
    public async Task<CancellationToken> NextRequestAsync() =>
        await Requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
}

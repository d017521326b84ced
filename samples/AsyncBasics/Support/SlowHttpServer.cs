using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AsyncBasics.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) that answers every request after a delay, so the
/// blocking example has a slow network call to make without leaving the machine.
/// </summary>
internal sealed class SlowHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    private SlowHttpServer(TimeSpan delay)
    {
        _delay = delay;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Uri = new Uri($"http://127.0.0.1:{port}/");

        // Started from the caller's context: create the server outside any event loop, so its continuations run on the
        // thread pool and keep serving while the loop's thread is blocked.
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    public Uri Uri { get; }

    public static SlowHttpServer Start(TimeSpan delay) => new(delay);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                connections.Add(AnswerAsync(client, cancellationToken));
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        foreach (var connection in connections)
        {
            try
            {
                await connection.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // A connection cut short by the shutdown.
            }
        }
    }

    private async Task AnswerAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        var stream = client.GetStream();

        // Read the request head (a GET has no body) up to the blank line.
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await Task.Delay(_delay, cancellationToken).ConfigureAwait(false);
        var body = Encoding.UTF8.GetBytes("hello from 127.0.0.1");
        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}

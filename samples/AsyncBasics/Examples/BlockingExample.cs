using AsyncBasics.Support;

namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 1: blocking I/O stalls the thread; awaiting the same I/O frees it.
/// The example runs on a one-thread <see cref="EventLoop"/> with a <see cref="Heartbeat"/> ticking on it: the
/// heartbeat cannot tick during the blocking calls and keeps ticking during the awaits.
/// </summary>
internal static class BlockingExample
{
    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;

        // The network call is the slow part: the local server answers after a tenth of the max delay (0.5 s by default).
        var responseDelay = TimeSpan.FromMilliseconds(Math.Max(50, context.MaxDelay.TotalMilliseconds / 10));
        await using var server = SlowHttpServer.Start(responseDelay);
        using var http = new HttpClient();

        var path = Path.Combine(Path.GetTempPath(), $"asyncbasics-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("The answer is 42.\n", 10_000)), cancellationToken);
        try
        {
            await EventLoop.RunAsync(() => OnTheLoopAsync(context, http, server.Uri, path, responseDelay, cancellationToken));
        }
        finally
        {
            File.Delete(path);
        }

        await output.WriteLineAsync("In a plain C# program there is no such loop: after an await the method continues on any");
        await output.WriteLineAsync("thread-pool thread, and a blocking call ties up one pool thread while the others carry on.");
    }

    private static async Task OnTheLoopAsync(ExampleContext context, HttpClient http, Uri uri, string path, TimeSpan responseDelay, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var heartbeat = new Heartbeat(responseDelay / 5);
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = heartbeat.RunAsync(stopHeartbeat.Token);
        await output.WriteLineAsync($"event loop on thread {Environment.CurrentManagedThreadId}; heartbeat every {WorkerReport.Seconds(heartbeat.Interval)}; server at {uri} answers after {WorkerReport.Seconds(responseDelay)}");

        try
        {
            // Blocking on purpose (the tutorial's open().read() and requests.get()): the loop's thread waits inside
            // these calls and nothing else on the loop can run, not even the heartbeat.
            var ticks = heartbeat.Ticks;
            var clock = context.TimeProvider;
            var started = clock.GetTimestamp();
            var text = File.ReadAllText(path);
            await output.WriteLineAsync($"blocking  file read  {text.Length,7} chars in {Elapsed(clock, started)}, heartbeat ticks meanwhile: {heartbeat.Ticks - ticks}");

            ticks = heartbeat.Ticks;
            started = clock.GetTimestamp();
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
            using (var response = http.Send(request, cancellationToken))
            using (var reader = new StreamReader(response.Content.ReadAsStream(cancellationToken)))
            {
                var body = reader.ReadToEnd();
                await output.WriteLineAsync($"blocking  HTTP GET   \"{body}\" in {Elapsed(clock, started)}, heartbeat ticks meanwhile: {heartbeat.Ticks - ticks} (the thread was stuck)");
            }

            // The same with await: the loop's thread returns to the loop until the I/O completes.
            // No ConfigureAwait(false) here: we want to come back to the loop's thread. ConfigureAwait(false) would let
            // the rest of the method run on the thread pool instead; library code uses it as it needs no particular thread.
            started = clock.GetTimestamp();
            text = await File.ReadAllTextAsync(path, cancellationToken);
            await output.WriteLineAsync($"await     file read  {text.Length,7} chars in {Elapsed(clock, started)}, back on thread {Environment.CurrentManagedThreadId}");

            ticks = heartbeat.Ticks;
            started = clock.GetTimestamp();
            var answer = await http.GetStringAsync(uri, cancellationToken);
            await output.WriteLineAsync($"await     HTTP GET   \"{answer}\" in {Elapsed(clock, started)}, heartbeat ticks meanwhile: {heartbeat.Ticks - ticks} (the thread was free), back on thread {Environment.CurrentManagedThreadId}");
        }
        finally
        {
            // Stop the heartbeat before leaving the loop, also when a request failed or was cancelled.
            await stopHeartbeat.CancelAsync();
            await beating;
        }
    }

    private static string Elapsed(TimeProvider clock, long started) => WorkerReport.Seconds(clock.GetElapsedTime(started));
}

using AsyncBasics.Support;

namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 4: the same four workers as async methods awaited together (Python's <c>asyncio.gather</c> of four
/// coroutines): no process or thread per worker, only timers while they wait.
/// </summary>
internal static class TasksExample
{
    private const int Workers = 4;

    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var clock = context.TimeProvider;
        await output.WriteLineAsync($"{clock.GetLocalNow():HH:mm:ss} PID {Environment.ProcessId} starts {Workers} tasks on thread {Environment.CurrentManagedThreadId}");

        var started = clock.GetTimestamp();
        var delays = Enumerable.Range(0, Workers).Select(_ => context.NextDelay()).ToArray();

        // Calling an async method starts it; Task.WhenAll waits for all of them (asyncio.gather).
        await Task.WhenAll(delays.Select((delay, index) => WorkerAsync(context, index + 1, delay, cancellationToken)));

        var elapsed = clock.GetElapsedTime(started);
        await output.WriteLineAsync($"{Workers} workers finished in {WorkerReport.Seconds(elapsed)}: the waits overlapped (longest {WorkerReport.Seconds(delays.Max())}, sum {WorkerReport.Seconds(TimeSpan.FromTicks(delays.Sum(d => d.Ticks)))})");
    }

    private static async Task WorkerAsync(ExampleContext context, int id, TimeSpan delay, CancellationToken cancellationToken)
    {
        // asyncio.sleep(): no thread waits here, a timer completes the task.
        await Task.Delay(delay, cancellationToken);

        // Unlike asyncio there is no single event loop: the rest of this method runs on whichever thread-pool thread
        // the timer's completion picked, so the thread ids below may differ.
        await context.Output.WriteLineAsync($"{WorkerReport.Format(context.TimeProvider, id, delay)} on thread {Environment.CurrentManagedThreadId}");
    }
}

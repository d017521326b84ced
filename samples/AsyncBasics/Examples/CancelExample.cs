namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 6: cancellation. Python calls <c>task.cancel()</c> and a <c>CancelledError</c> appears inside the
/// coroutine at its current await. C# cancels cooperatively: a <see cref="CancellationTokenSource"/> hands out
/// tokens, the work passes its token to every await, and the awaited operation throws
/// <see cref="OperationCanceledException"/> when the source is cancelled; the task then ends as Canceled.
/// </summary>
internal static class CancelExample
{
    /// <summary>
    /// How long the tasks that get cancelled would sleep. An hour, so that no scheduling delay can let one of them
    /// finish before its cancel arrives: the outcome of every scenario is decided by the code, not by a race of timers.
    /// </summary>
    private static readonly TimeSpan AnHour = TimeSpan.FromHours(1);

    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        // How long the tasks that finish sleep, and how long to wait before a cancel. At least a few milliseconds, so
        // that even --max-delay-ms 0 leaves the quick tasks something to sleep.
        var step = TimeSpan.FromMilliseconds(Math.Max(context.Step.TotalMilliseconds, 10));

        // 1. Cancel one task while it sleeps. The task is asleep as soon as SleepAsync returns (it runs up to its first
        //    await), so the cancel always finds it sleeping.
        await output.WriteLineAsync($"1. cancel one task (it would sleep an hour; cancelled after {Seconds(step)}):");
        using (var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var task = SleepAsync(context, "sleeper", AnHour, source.Token);
            await Task.Delay(step, cancellationToken);
            await source.CancelAsync(); // task.cancel()
            await ReportAsync(context, "sleeper", task);
        }

        // 2. Too late: the task finished before the cancel arrived. Cancelling does nothing to a finished task
        //    (Python's task.cancel() returns False); it stays RanToCompletion and keeps its result. The cancel comes
        //    after `await task`, so it is late by construction, however slow the machine.
        await output.WriteLineAsync($"2. cancel that arrives too late (the task sleeps {Seconds(step)} and is awaited first):");
        using (var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var task = SleepAsync(context, "quick", step, source.Token);
            await task;
            await source.CancelAsync();
            await ReportAsync(context, "quick", task);
        }

        // 3. One token shared by a group: one Cancel() reaches all of them (in Python, cancel each task, or let a
        //    TaskGroup cancel the rest). The first is awaited before the cancel, so it has finished; the other two
        //    would sleep an hour and are cancelled.
        await output.WriteLineAsync($"3. cancel a group through one token (first sleeps {Seconds(step)}, the others would sleep an hour):");
        using (var group = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            (string Name, Task<int> Task)[] tasks =
            [
                ("first", SleepAsync(context, "first", step, group.Token)),
                ("second", SleepAsync(context, "second", AnHour, group.Token)),
                ("third", SleepAsync(context, "third", AnHour, group.Token)),
            ];
            await tasks[0].Task;
            await group.CancelAsync();
            foreach (var (name, task) in tasks)
            {
                await ReportAsync(context, name, task);
            }
        }

        // 4. A timeout is a cancel that a timer sends (asyncio.wait_for / asyncio.timeout).
        await output.WriteLineAsync($"4. timeout: cancel after {Seconds(step)} (asyncio.wait_for; the task would sleep an hour):");
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(step);
            var task = SleepAsync(context, "slowpoke", AnHour, timeout.Token);
            await ReportAsync(context, "slowpoke", task);
        }
    }

    /// <summary>Sleeps and returns 42, unless cancelled first.</summary>
    private static async Task<int> SleepAsync(ExampleContext context, string name, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            // The token goes to the await: that is where the cancellation can get in (like CancelledError at an await).
            await Task.Delay(delay, cancellationToken);
            return 42;
        }
        catch (OperationCanceledException)
        {
            // Like catching CancelledError to clean up: then let it propagate, or the task would not end Canceled.
            await context.Output.WriteLineAsync($"   {name}: cancelled while sleeping, cleaning up");
            throw;
        }
    }

    private static async Task ReportAsync(ExampleContext context, string name, Task<int> task)
    {
        try
        {
            var result = await task;
            await context.Output.WriteLineAsync($"   task {name}: {task.Status}, result {result}");
        }
        catch (OperationCanceledException)
        {
            await context.Output.WriteLineAsync($"   task {name}: {task.Status}");
        }
    }

    private static string Seconds(TimeSpan duration) => Support.WorkerReport.Seconds(duration);
}

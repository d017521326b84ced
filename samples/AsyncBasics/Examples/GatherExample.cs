using AsyncBasics.Support;

namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 7: waiting for many tasks. <see cref="Task.WhenAll{TResult}(Task{TResult}[])"/> is
/// <c>asyncio.gather</c> (results in argument order), <see cref="Task.WhenEach{TResult}(Task{TResult}[])"/> is
/// <c>asyncio.as_completed</c> (tasks in completion order), and awaiting each task on its own keeps one failure
/// from costing the other results (<c>gather(..., return_exceptions=True)</c>). That last pattern is how
/// <c>reddittop</c> streams subreddits: each is printed as soon as it arrives, a failed one is reported, not fatal.
/// </summary>
internal static class GatherExample
{
    private static readonly string[] Names = ["A", "B", "C", "D"];

    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;

        // Distinct delays of 1–4 steps in a random order other than 1, 2, 3, 4, so the completion order always differs
        // from the argument order.
        int[] steps = [1, 2, 3, 4];
        do
        {
            context.Random.Shuffle(steps);
        }
        while (steps.SequenceEqual([1, 2, 3, 4]));

        var delays = steps.Select(s => context.Step * s).ToArray();
        await output.WriteLineAsync($"delays: {string.Join(", ", Names.Select((name, i) => $"{name} {WorkerReport.Seconds(delays[i])}"))}");

        // 1. results = await asyncio.gather(a, b, c, d)
        await output.WriteLineAsync("1. Task.WhenAll: results in argument order");
        await WriteInArgumentOrderAsync(output, Start(context, delays, failing: null, cancellationToken));

        // 2. for task in asyncio.as_completed(...): result = await task
        await output.WriteLineAsync("2. Task.WhenEach: results in completion order");
        await WriteInCompletionOrderAsync(output, Start(context, delays, failing: null, cancellationToken), cancellationToken);

        // 3. One task fails. Awaiting each task as it completes keeps the others' results.
        const string Failing = "C";
        await output.WriteLineAsync($"3. one failing task ({Failing}) among {Names.Length}, each awaited as it completes");
        await WriteEachKeepingFailuresAsync(output, Start(context, delays, Failing, cancellationToken), cancellationToken);

        // 4. For contrast: await Task.WhenAll throws (the first) failure and returns no results at all, like a plain
        //    asyncio.gather. The other tasks did finish, though; awaiting them one by one still gets their results.
        await output.WriteLineAsync("4. await Task.WhenAll with the same failure:");
        await WriteAllOrFailureAsync(output, Start(context, delays, Failing, cancellationToken));
    }

    /// <summary>Pattern 1, <c>asyncio.gather</c>: waits for all the tasks and writes their results in argument order.</summary>
    internal static async Task WriteInArgumentOrderAsync(TextWriter output, Task<string>[] tasks)
    {
        var results = await Task.WhenAll(tasks);
        foreach (var result in results)
        {
            await output.WriteLineAsync($"   {result}");
        }
    }

    /// <summary>Pattern 2, <c>asyncio.as_completed</c>: writes each result as soon as its task completes.</summary>
    internal static async Task WriteInCompletionOrderAsync(TextWriter output, Task<string>[] tasks, CancellationToken cancellationToken)
    {
        await foreach (var task in Task.WhenEach(tasks).WithCancellation(cancellationToken))
        {
            // The task is complete here; await it (never .Result) so a failure surfaces as its own exception.
            await output.WriteLineAsync($"   {await task}");
        }
    }

    /// <summary>
    /// Pattern 3, <c>gather(..., return_exceptions=True)</c> as the results arrive: writes each result or failure as
    /// its task completes, so one failure costs none of the other results.
    /// </summary>
    internal static async Task WriteEachKeepingFailuresAsync(TextWriter output, Task<string>[] tasks, CancellationToken cancellationToken)
    {
        var kept = 0;
        var failed = 0;
        await foreach (var task in Task.WhenEach(tasks).WithCancellation(cancellationToken))
        {
            try
            {
                await output.WriteLineAsync($"   {await task}");
                kept++;
            }
            catch (InvalidOperationException e)
            {
                await output.WriteLineAsync($"   failed: {e.Message}");
                failed++;
            }
        }

        await output.WriteLineAsync($"   {kept} results kept, {failed} failure reported");
    }

    /// <summary>
    /// Pattern 4, a plain <c>asyncio.gather</c> with a failure: <c>await Task.WhenAll</c> throws and returns no results,
    /// yet the tasks that succeeded still hold theirs.
    /// </summary>
    internal static async Task WriteAllOrFailureAsync(TextWriter output, Task<string>[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync($"   threw {e.GetType().Name}: {e.Message}");
        }

        var salvaged = new List<string>();
        foreach (var task in tasks.Where(t => t.IsCompletedSuccessfully))
        {
            salvaged.Add(await task);
        }

        await output.WriteLineAsync($"   the other tasks still hold their results: {string.Join("; ", salvaged)}");
    }

    private static Task<string>[] Start(ExampleContext context, TimeSpan[] delays, string? failing, CancellationToken cancellationToken) =>
        Names.Select((name, i) => WorkAsync(name, delays[i], name == failing, cancellationToken)).ToArray();

    private static async Task<string> WorkAsync(string name, TimeSpan delay, bool fail, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return fail
            ? throw new InvalidOperationException($"{name} broke after {WorkerReport.Seconds(delay)}")
            : $"{name} slept {WorkerReport.Seconds(delay)}";
    }
}

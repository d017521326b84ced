namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 5: <c>async def answer(): print("The answer is 42.")</c>, started as a task and awaited later,
/// and what awaiting an already finished task does.
/// </summary>
internal static class CoroutinesExample
{
    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;

        // 1. Python's answer() only creates a coroutine object; nothing runs until it is awaited or made a task.
        //    A C# async method starts at once and runs synchronously up to its first incomplete await, so this call
        //    prints immediately and, having nothing to wait for, returns a task that is already complete.
        await output.WriteLineAsync("1. calling an async method runs it right away (there are no lazy coroutine objects):");
        var now = AnswerAsync(context);
        await output.WriteLineAsync($"   returned a task whose status is already {now.Status}");
        await now;

        // To get Python's laziness, hold a delegate and call it when you want it to run.
        Func<Task> later = () => AnswerAsync(context);

        // 2. asyncio.create_task(answer()) ... await task: start it, do something else, await it later.
        //    An asyncio task cannot run before main awaits (one thread runs everything), so main's other work always
        //    comes first. A C# task runs on its own, on any thread, as soon as it can; this one waits to be asked (a
        //    TaskCompletionSource, the counterpart of an asyncio.Future), and main asks when its other work is done.
        //    That fixes the order however the threads are scheduled; a timer would only make it likely.
        await output.WriteLineAsync("2. started as a task, awaited later (asyncio.create_task):");
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = AnswerWhenAskedAsync(context, asked.Task, cancellationToken);
        await output.WriteLineAsync($"   main: task started, status {task.Status} (not finished: it waits until it is asked)");
        await output.WriteLineAsync("   main: doing other work while it waits");
        await output.WriteLineAsync("   main: other work done; asking, then awaiting the task");
        asked.SetResult();
        await task;
        await output.WriteLineAsync($"   main: awaited it, status {task.Status}");

        // 3. Awaiting a finished task does not wait or switch threads: await checks IsCompleted first and, if it is
        //    true, simply continues with the result. A task can be awaited any number of times (a Python coroutine
        //    object only once; an asyncio Task many times, like here).
        await output.WriteLineAsync("3. awaiting a task that is already complete:");
        await output.WriteLineAsync("   main: calling the delegate (the lazy version) now");
        var finished = later();
        var thread = Environment.CurrentManagedThreadId;
        await output.WriteLineAsync($"   IsCompleted before the await: {finished.IsCompleted}");
        await finished;
        await finished;
        await output.WriteLineAsync($"   awaited it twice without waiting; same thread before and after: {Environment.CurrentManagedThreadId == thread}");
        var result = await Task.FromResult(42);
        await output.WriteLineAsync($"   a completed Task<int> hands back its result at once: {result}");
    }

    // async def answer(): print("The answer is 42.")
    // The write completes synchronously (the output is in memory or a console), so nothing here ever waits and the
    // task this returns is complete by the time the caller gets it.
    private static async Task AnswerAsync(ExampleContext context) =>
        await context.Output.WriteLineAsync("The answer is 42.");

    // The same answer once asked. Until then the task is suspended at its await: started, not finished, no thread
    // held. Then it takes a short sleep, so that main's await has something to wait for.
    private static async Task AnswerWhenAskedAsync(ExampleContext context, Task asked, CancellationToken cancellationToken)
    {
        await asked.WaitAsync(cancellationToken);
        await Task.Delay(context.Step, cancellationToken);
        await context.Output.WriteLineAsync("The answer is 42.");
    }
}

using AsyncBasics.Support;

namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 3: the same four workers as four <see cref="Thread"/>s in one process (Python's
/// <c>threading.Thread</c>): one PID, one runtime, less memory.
/// </summary>
internal static class ThreadsExample
{
    private const int Workers = 4;

    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        await output.WriteLineAsync($"{context.TimeProvider.GetLocalNow():HH:mm:ss} PID {Environment.ProcessId} starts {Workers} threads");

        var finished = new List<Task>();

        // Kept until every thread has reported: a thread's id can be handed to a new thread once the old Thread object
        // has been collected, and a worker that sleeps 0 s may end before the last one is created.
        var threads = new List<Thread>();
        foreach (var id in Enumerable.Range(1, Workers))
        {
            var delay = context.NextDelay();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                // Unlike Python there is no GIL: these threads really run at the same time on different cores, so
                // shared data needs locks (the output writer is synchronized for that reason).
                Thread.Sleep(delay); // Blocking on purpose: a thread of our own, like the tutorial's time.sleep().
                output.WriteLine($"{WorkerReport.Format(context.TimeProvider, id, delay)} on thread {Environment.CurrentManagedThreadId}");
                done.SetResult();
            })
            {
                IsBackground = true,
                Name = $"worker {id}",
            };
            thread.Start();
            threads.Add(thread);
            finished.Add(done.Task);
        }

        // thread.Join() is the literal translation of t.join(), but it would block this thread; awaiting a task that
        // each thread completes waits without blocking. The token lets Ctrl+C stop the waiting (threads can't be killed).
        await Task.WhenAll(finished).WaitAsync(cancellationToken);
        await output.WriteLineAsync($"{threads.Count} threads, 1 PID ({Environment.ProcessId}), one runtime for all: {WorkerReport.Memory()}");
    }
}

using System.Collections.Concurrent;

namespace AsyncBasics.Support;

/// <summary>
/// A one-thread event loop, like the one <c>asyncio.run()</c> creates. C# console programs have none: after an
/// <c>await</c> the rest of the method runs on any thread-pool thread. The blocking example runs on this loop so a
/// blocking call visibly stalls everything else, exactly as in Python.
/// </summary>
internal static class EventLoop
{
    /// <summary>Runs <paramref name="body"/> on a new thread that executes every continuation of its awaits.</summary>
    /// <returns>A task that completes (without blocking the caller) when <paramref name="body"/> has.</returns>
    public static Task RunAsync(Func<Task> body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            using var context = new LoopSynchronizationContext();
            SynchronizationContext.SetSynchronizationContext(context);
            Task task;
            try
            {
                // The awaits in body capture SynchronizationContext.Current, so their continuations come back here
                // (unless they say ConfigureAwait(false): that is exactly what it is for).
                task = body();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                task = Task.FromException(e);
            }

            _ = task.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            context.RunUntilComplete();
            done.SetFromTask(task);
        })
        {
            IsBackground = true,
            Name = "event loop",
        };
        thread.Start();
        return done.Task;
    }

    private sealed class LoopSynchronizationContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _queue.Add((d, state));
            }
            catch (InvalidOperationException)
            {
                // The loop has ended (or been disposed): run a straggling continuation on the thread pool instead.
                base.Post(d, state);
            }
        }

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }

        public void Complete() => _queue.CompleteAdding();

        public void Dispose() => _queue.Dispose();
    }
}

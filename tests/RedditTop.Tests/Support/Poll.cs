using System.Diagnostics;

namespace RedditTop.Tests.Support;

/// <summary>
/// Waiting for something another thread or process makes true: a request that has reached the server, a line on a
/// program's stdout. The only helper in the tests that checks a condition again and again; its time-out is a hang
/// guard, never what a test measures (order and concurrency are proven with holds).
/// </summary>
internal static class Poll
{
    /// <summary>A hang guard for conditions that hold within milliseconds when all is well.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, checking it every 10 ms. Throws <see cref="TimeoutException"/>
    /// after <paramref name="timeout"/>, its message ending with <paramref name="describe"/> (what was seen so far),
    /// and <see cref="InvalidOperationException"/> at once when <paramref name="stopped"/> names a reason the condition
    /// can no longer come true (the program waited on has exited) and it still does not hold.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string>? describe = null, Func<string?>? stopped = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"condition not met within {timeout}" + (describe is null ? "" : "; " + describe()));
            }

            if (stopped?.Invoke() is { } reason && !condition())
            {
                throw new InvalidOperationException(reason);
            }

            await Task.Delay(Interval);
        }
    }
}

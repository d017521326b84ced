namespace AsyncBasics.Support;

/// <summary>
/// Counts ticks on the event loop. It can only tick while the loop's thread is free, so the number of ticks during an
/// operation shows whether that operation blocked the thread.
/// </summary>
internal sealed class Heartbeat(TimeSpan interval)
{
    /// <summary>Only the loop's thread touches this, so no lock is needed (the same reason asyncio code needs none).</summary>
    public int Ticks { get; private set; }

    public TimeSpan Interval { get; } = interval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, cancellationToken);
                Ticks++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the normal way out.
        }
    }
}

using System.Globalization;

namespace RedditTop.Run;

/// <summary>
/// Where the run is: the counts of the round in progress (read by the status line from the timer's thread), and,
/// between <c>--watch</c> rounds, when the next one starts.
/// </summary>
internal sealed class Progress(int total, TimeProvider time)
{
    private int _printed;
    private int _failed;
    private long _nextRound = long.MinValue; // UTC ticks, or MinValue for none

    public int Total => total;

    public int Printed => Volatile.Read(ref _printed);

    public int Failed => Volatile.Read(ref _failed);

    public void StartRound()
    {
        Volatile.Write(ref _printed, 0);
        Volatile.Write(ref _failed, 0);
    }

    public void Print() => Interlocked.Increment(ref _printed);

    public void Fail() => Interlocked.Increment(ref _failed);

    /// <summary>Waits until <paramref name="at"/>, the status line saying so meanwhile.</summary>
    public async Task WaitForNextRoundAsync(DateTimeOffset at, Diagnostics diagnostics, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _nextRound, at.UtcTicks);
        diagnostics.Refresh();
        var wait = at - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        Interlocked.Exchange(ref _nextRound, long.MinValue);
    }

    /// <summary>
    /// The live status line: <c>reddittop: 3/5 subreddits, 1 failed, waiting 12 s for the rate budget</c>, and between
    /// <c>--watch</c> rounds <c>..., next round at 15:12:05</c>.
    /// </summary>
    public string StatusLine(DateTimeOffset? budgetWait)
    {
        var now = time.GetUtcNow();
        var wait = budgetWait is { } until && until > now
            ? string.Create(CultureInfo.InvariantCulture, $", waiting {Math.Ceiling((until - now).TotalSeconds)} s for the rate budget")
            : "";
        var nextTicks = Interlocked.Read(ref _nextRound);
        var next = nextTicks != long.MinValue
            ? ", next round at " + TimeZoneInfo.ConvertTime(new DateTimeOffset(nextTicks, TimeSpan.Zero), time.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture)
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"reddittop: {Printed + Failed}/{Total} subreddits, {Failed} failed{wait}{next}");
    }
}

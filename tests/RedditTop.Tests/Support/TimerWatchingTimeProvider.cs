using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RedditTop.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test each time code starts waiting on it: every timer created is
/// published with its due time. A test waits for the timer it expects (a retry's 2-second backoff) and only then
/// advances the clock, so no time is advanced before anyone waits on it.
/// </summary>
internal sealed class TimerWatchingTimeProvider() : FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();
    private int _timersCreated;

    /// <summary>How many timers have been created on this clock so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer due in exactly <paramref name="dueTime"/> has been created (other timers are passed over).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _timers.Reader.ReadAsync(patience.Token) != dueTime)
        {
        }
    }

    /// <summary>Waits until a timer whose due time <paramref name="matches"/> has been created; returns that due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> matches)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(patience.Token);
            if (matches(due))
            {
                return due;
            }
        }
    }
}

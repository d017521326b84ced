namespace RedditTop.Reddit;

/// <summary>
/// The limit of one run (<c>--deadline</c>), shared by the client and its retries. It starts when the client is made,
/// and again at the start of every <c>--watch</c> round, so each round has the whole of it.
/// </summary>
internal sealed class RunDeadline(TimeSpan length, TimeProvider timeProvider)
{
    private long _at = (timeProvider.GetUtcNow() + length).UtcTicks;

    public TimeSpan Length => length;

    /// <summary>When the run's time is up.</summary>
    public DateTimeOffset At => new(Interlocked.Read(ref _at), TimeSpan.Zero);

    /// <summary>How long is left; zero once the deadline has passed.</summary>
    public TimeSpan Remaining => At - timeProvider.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Gives a new round the whole length again.</summary>
    public void Restart() => Interlocked.Exchange(ref _at, (timeProvider.GetUtcNow() + length).UtcTicks);
}

using System.Globalization;
using System.Net.Http.Headers;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The run's one view of Reddit's rate budget, fed by the <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Reset</c>
/// headers of every response and shared by all concurrent requests. It spends the budget as fast as it is given:
/// a request waits (for the window's reset) only when what remains would not cover the requests already in flight,
/// and fails at once instead when that reset comes after the run's deadline.
/// It never spreads requests evenly over the window, which would make a short run take minutes for nothing.
/// </summary>
internal sealed class RateBudget(TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private double? _remaining; // null: unknown (no answer yet in this window)
    private DateTimeOffset _resetAt;
    private DateTimeOffset? _learnedAt; // when an answer of this run last said what remains
    private int _inFlight;
    private int _waiting;

    /// <summary>What the last answer said remains in the window, or null before the first.</summary>
    public double? Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>
    /// What an answer of this run last said of the current window (for <see cref="BudgetFile"/>), or null when none
    /// has, or its window has reset since. Its <see cref="SavedBudget.Key"/> is the file's to set.
    /// </summary>
    public SavedBudget? Learned
    {
        get
        {
            lock (_lock)
            {
                return _learnedAt is { } learnedAt && _remaining is { } remaining && timeProvider.GetUtcNow() < _resetAt
                    ? new SavedBudget("", remaining, _resetAt, learnedAt)
                    : null;
            }
        }
    }

    /// <summary>
    /// Starts from what an earlier run learned, before this one has an answer: its remaining count until its reset. A
    /// budget whose reset has passed, or a run that has had an answer already, is left as it is.
    /// </summary>
    public void Seed(SavedBudget saved)
    {
        lock (_lock)
        {
            if (_remaining is null && timeProvider.GetUtcNow() < saved.ResetAt)
            {
                (_remaining, _resetAt) = (saved.Remaining, saved.ResetAt);
            }
        }
    }

    /// <summary>When the requests waiting for the budget may go (the window's reset), or null when none is waiting.</summary>
    public DateTimeOffset? WaitingUntil
    {
        get
        {
            lock (_lock)
            {
                return _waiting > 0 ? _resetAt : null;
            }
        }
    }

    /// <summary>
    /// Waits until one more request fits in the budget and counts it as in flight; dispose the result when it is answered.
    /// A wait for the window's reset that would end after <paramref name="deadline"/> is not begun: it throws
    /// <see cref="RateBudgetSpentException"/> at once, naming the wait, as nothing could be sent before the deadline.
    /// </summary>
    public async Task<Lease> AcquireAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow();
                if (_remaining is not null && now >= _resetAt)
                {
                    _remaining = null; // a new window: its budget is learned from the next answer
                }

                if (_remaining is not { } remaining || remaining - _inFlight >= 1)
                {
                    _inFlight++;
                    return new Lease(this);
                }

                wait = _resetAt - now;
                if (_resetAt > deadline)
                {
                    throw new RateBudgetSpentException(wait);
                }

                _waiting++;
            }

            try
            {
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    _waiting--;
                }
            }
        }
    }

    /// <summary>Reddit's window is ten minutes; a reset further away than an hour is not one, and is ignored.</summary>
    public static readonly TimeSpan LongestReset = TimeSpan.FromHours(1);

    /// <summary>
    /// Takes in what a response says of the budget. Answers from the same window can arrive out of order, so the lowest
    /// count and the latest reset win. An absurd reset (<c>5184000</c>, <c>1e30</c>) is ignored with its count, so it
    /// can neither overflow a timer nor hold every later request.
    /// </summary>
    public void Update(HttpResponseHeaders headers)
    {
        if (!TryGetNumber(headers, "X-Ratelimit-Remaining", out var remaining) || !TryGetNumber(headers, "X-Ratelimit-Reset", out var reset)
            || reset > LongestReset.TotalSeconds)
        {
            return;
        }

        lock (_lock)
        {
            var resetAt = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(reset);
            var sameWindow = _remaining is not null && Math.Abs((resetAt - _resetAt).TotalSeconds) < 1;
            _remaining = sameWindow ? Math.Min(_remaining!.Value, remaining) : remaining;
            _resetAt = sameWindow && _resetAt > resetAt ? _resetAt : resetAt; // the later estimate: never early
            _learnedAt = timeProvider.GetUtcNow();
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _inFlight--;
        }
    }

    private static bool TryGetNumber(HttpResponseHeaders headers, string name, out double value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value)
            && value >= 0;
    }

    /// <summary>One request's place in the budget.</summary>
    public sealed class Lease(RateBudget budget) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                budget.Release();
            }
        }
    }
}

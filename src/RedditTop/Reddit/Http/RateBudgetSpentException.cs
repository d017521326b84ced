using System.Globalization;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Thrown by <see cref="RateBudget"/> instead of waiting, when Reddit has said its budget is spent and the window
/// resets only after the run's deadline: the attempt is not made. <see cref="ResetsIn"/> is the wait it would have had.
/// </summary>
internal sealed class RateBudgetSpentException(TimeSpan resetsIn)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Reddit's rate budget is spent and resets in {Math.Ceiling(resetsIn.TotalSeconds)} s, after the run's deadline"))
{
    public TimeSpan ResetsIn { get; } = resetsIn;
}

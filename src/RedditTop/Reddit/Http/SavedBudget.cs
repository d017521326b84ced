namespace RedditTop.Reddit.Http;

/// <summary>
/// What a run last learned of Reddit's rate budget, kept for the next run by <see cref="BudgetFile"/>: the requests
/// <see cref="Remaining"/> in the window, when the window resets (an absolute time, never early), and when it was
/// <see cref="LearnedAt"/>. <see cref="Key"/> is the access and server it is for, stored inside the file to catch a
/// collision of the file names' hash, e.g.
/// <c>{"key":"anonymous\nhttps://www.reddit.com/","remaining":7,"reset_at":"…","learned_at":"…"}</c>.
/// </summary>
internal sealed record SavedBudget(string Key, double Remaining, DateTimeOffset ResetAt, DateTimeOffset LearnedAt)
{
    /// <summary>Whether <paramref name="other"/> is of the same window: their resets are within the rounding of Reddit's whole seconds and the margin.</summary>
    public bool SameWindowAs(SavedBudget other) => Math.Abs((ResetAt - other.ResetAt).TotalSeconds) < 2;

    /// <summary>
    /// What two runs learned, as one: of the same window, the lower count (both spent from it) and the later reset;
    /// otherwise the later window, which is the current one.
    /// </summary>
    public SavedBudget MergeWith(SavedBudget other) =>
        SameWindowAs(other)
            ? this with
            {
                Remaining = Math.Min(Remaining, other.Remaining),
                ResetAt = ResetAt > other.ResetAt ? ResetAt : other.ResetAt,
                LearnedAt = LearnedAt > other.LearnedAt ? LearnedAt : other.LearnedAt,
            }
            : ResetAt > other.ResetAt ? this : other;
}

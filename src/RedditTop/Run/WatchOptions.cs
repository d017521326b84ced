namespace RedditTop.Run;

/// <summary>
/// Repeated runs and what is new: <c>--watch SECONDS</c> (null: one run), <c>--mark-new</c> (a <c>*</c> before new
/// posts in text, which a terminal gets anyway) and <c>--new-only</c>.
/// </summary>
internal sealed record WatchOptions(TimeSpan? Every = null, bool MarkNew = false, bool NewOnly = false);

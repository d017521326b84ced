namespace RedditTop.History;

/// <summary>
/// One state file of <see cref="SeenStore"/>: when it was saved and the ids of the posts that run showed, in the order
/// given, e.g. <c>{"saved_at":"2026-11-27T06:12:00+00:00","ids":["1h2g3f4","1h2g3f5"]}</c>.
/// </summary>
internal sealed record SeenState(DateTimeOffset SavedAt, IReadOnlyList<string> Ids);

using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// One file of <see cref="ListingCopies"/>: the key it answers (checked on reading, so a hash collision or a file put in
/// another's place is a miss), when Reddit sent the posts, and the posts as they were printed (filters applied),
/// e.g. <c>{"key":"reddittop listing copy 1\nbase https://www.reddit.com/\n...","fetched_at":"2026-11-27T06:12:00+00:00","posts":[{"title":...}]}</c>.
/// </summary>
internal sealed record ListingCopy(string Key, DateTimeOffset FetchedAt, IReadOnlyList<Post?> Posts);

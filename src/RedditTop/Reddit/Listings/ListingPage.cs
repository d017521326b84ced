namespace RedditTop.Reddit.Listings;

/// <summary>One page of a subreddit's listing: its posts, unescaped, and the cursor of the next page (null at the end).</summary>
internal sealed record ListingPage(IReadOnlyList<Post> Posts, string? After);

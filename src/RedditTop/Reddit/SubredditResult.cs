using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// The outcome of fetching one subreddit: its posts, when they were fetched and whether from a local copy
/// (<c>--max-age</c>), or why it failed. A failure is a value, so one subreddit's failure never aborts the others.
/// </summary>
internal sealed record SubredditResult
{
    private SubredditResult(SubredditQuery query, IReadOnlyList<Post>? posts, FetchFailure? failure, DateTimeOffset? fetchedAt, bool cached)
    {
        Query = query;
        Posts = posts;
        Failure = failure;
        FetchedAt = fetchedAt;
        Cached = cached;
    }

    public SubredditQuery Query { get; }

    /// <summary>The posts to print, in Reddit's order; null when the fetch failed.</summary>
    public IReadOnlyList<Post>? Posts { get; }

    /// <summary>Why the fetch failed; null on success.</summary>
    public FetchFailure? Failure { get; }

    /// <summary>When the posts came from Reddit (for a copy, when the run that made it fetched them); null on failure, or when not known.</summary>
    public DateTimeOffset? FetchedAt { get; }

    /// <summary>Whether the posts were read from a local copy (<see cref="ListingCopies"/>) instead of asked for.</summary>
    public bool Cached { get; }

    /// <summary>The failure phrased for a person (<c>not found (HTTP 404)</c>); null on success.</summary>
    public string? Error => Failure is null ? null : FailureText.Phrase(Failure);

    public static SubredditResult Success(SubredditQuery query, IReadOnlyList<Post> posts, DateTimeOffset? fetchedAt = null, bool cached = false) =>
        new(query, posts, null, fetchedAt, cached);

    public static SubredditResult Fail(SubredditQuery query, FetchFailure failure) => new(query, null, failure, null, false);

    /// <summary>The same success with other posts (<c>--new-only</c>'s), fetched when and where these were.</summary>
    public SubredditResult WithPosts(IReadOnlyList<Post> posts) => new(Query, posts, null, FetchedAt, Cached);
}

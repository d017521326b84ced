using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// The outcome of fetching one subreddit: its posts, or why it failed.
/// A failure is a value, so one subreddit's failure never aborts the others.
/// </summary>
internal sealed record SubredditResult
{
    private SubredditResult(SubredditQuery query, IReadOnlyList<Post>? posts, FetchFailure? failure)
    {
        Query = query;
        Posts = posts;
        Failure = failure;
    }

    public SubredditQuery Query { get; }

    /// <summary>The posts to print, in Reddit's order; null when the fetch failed.</summary>
    public IReadOnlyList<Post>? Posts { get; }

    /// <summary>Why the fetch failed; null on success.</summary>
    public FetchFailure? Failure { get; }

    /// <summary>The failure phrased for a person (<c>not found (HTTP 404)</c>); null on success.</summary>
    public string? Error => Failure is null ? null : FailureText.Phrase(Failure);

    public static SubredditResult Success(SubredditQuery query, IReadOnlyList<Post> posts) => new(query, posts, null);

    public static SubredditResult Fail(SubredditQuery query, FetchFailure failure) => new(query, null, failure);
}

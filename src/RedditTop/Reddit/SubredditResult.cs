using RedditTop.Reddit.Models;

namespace RedditTop.Reddit;

/// <summary>
/// The outcome of fetching one subreddit: its posts, or the reason it failed.
/// A failure is a value, so one subreddit's failure never aborts the others.
/// </summary>
internal sealed record SubredditResult
{
    private SubredditResult(SubredditQuery query, IReadOnlyList<Post>? posts, string? error)
    {
        Query = query;
        Posts = posts;
        Error = error;
    }

    public SubredditQuery Query { get; }

    /// <summary>The posts to print, in Reddit's order; null when the fetch failed.</summary>
    public IReadOnlyList<Post>? Posts { get; }

    /// <summary>Why the fetch failed, phrased for a person (<c>not found (HTTP 404)</c>); null on success.</summary>
    public string? Error { get; }

    public static SubredditResult Success(SubredditQuery query, IReadOnlyList<Post> posts) => new(query, posts, null);

    public static SubredditResult Failure(SubredditQuery query, string error) => new(query, null, error);
}

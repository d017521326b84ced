namespace RedditTop.Reddit;

/// <summary>One subreddit to fetch: its name as the user typed it (<c>python</c>, <c>a+b</c>) and how many posts to print.</summary>
internal sealed record SubredditQuery(string Name, int Count)
{
    /// <summary>The most posts Reddit returns for one listing request.</summary>
    public const int MaxPerRequest = 100;

    /// <summary>The <c>limit</c> sent to Reddit: <see cref="Count"/>, capped at one page.</summary>
    public int RequestLimit => Math.Min(Count, MaxPerRequest);
}

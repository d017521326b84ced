namespace RedditTop.Reddit;

/// <summary>One subreddit to fetch: its name as the user typed it (<c>python</c>, <c>a+b</c>) and how many posts to print.</summary>
internal sealed record SubredditQuery(string Name, int Count)
{
    /// <summary>The most posts Reddit returns for one listing request; larger counts are fetched page by page.</summary>
    public const int MaxPerRequest = 100;
}

namespace RedditTop.Reddit;

/// <summary>The listings Reddit serves for a subreddit; each is named in lower case in the path (<c>r/python/top.json</c>).</summary>
internal enum ListingSort
{
    Top,
    Hot,
    New,
    Rising,
    Controversial,
    Best,
}

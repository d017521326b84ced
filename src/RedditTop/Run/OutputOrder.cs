namespace RedditTop.Run;

/// <summary>The order subreddits are printed in (<c>--order</c>); both stream.</summary>
internal enum OutputOrder
{
    /// <summary>Each subreddit as it arrives.</summary>
    Arrival,

    /// <summary>In the order the subreddits were given.</summary>
    Input,
}

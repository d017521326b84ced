namespace RedditTop.Reddit;

/// <summary>How every listing request of a run is made; anything not set has Reddit-friendly defaults.</summary>
internal sealed record RedditClientOptions
{
    public const ListingSort DefaultSort = ListingSort.Top;
    public const TimeWindow DefaultTime = TimeWindow.Day;
    public const int DefaultRetries = 3;
    public const long DefaultMaxResponseBytes = 16 << 20;

    /// <summary>
    /// Eight requests in flight: enough to overlap the latency of a typical run (a page takes a few hundred ms), few
    /// enough to stay polite to Reddit and not to spend a small budget in one burst. It is also about what a browser
    /// opens to one host.
    /// </summary>
    public const int DefaultMaxConcurrency = 8;

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The listing: top, hot, new, rising, controversial or best.</summary>
    public ListingSort Sort { get; init; } = DefaultSort;

    /// <summary>The time window of <c>top</c> and <c>controversial</c> (see <see cref="SortHasTime"/>).</summary>
    public TimeWindow Time { get; init; } = DefaultTime;

    /// <summary>How long one attempt may take: until the headers, and again for the body.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>How many times a transient failure is tried again; 0 turns retries off.</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>The whole run's limit: whatever is not complete by then fails.</summary>
    public TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary>How many requests may be in flight at once.</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>The largest body accepted, counted while it streams.</summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>
    /// With <c>--max-age</c>: a listing an earlier run fetched less than this long ago, with the same query, is printed
    /// from its local copy and not asked for again; null (the default) asks Reddit every time.
    /// </summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>The User-Agent header of every request (sanitised); null for <see cref="Reddit.UserAgent.Value"/>.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Which posts count: a filter (<c>--min-score</c>, ...) makes the client read more pages to fill the count.</summary>
    public PostFilter? Filter { get; init; }

    /// <summary>
    /// The most pages read for one subreddit while a filter drops posts: ten pages of 100 are the thousand posts
    /// Reddit lists at most.
    /// </summary>
    public const int MaxPagesWithFilter = 10;

    /// <summary>Whether <see cref="Time"/> applies to <see cref="Sort"/>.</summary>
    public bool SortHasTime => Sort is ListingSort.Top or ListingSort.Controversial;
}

namespace FakeReddit;

/// <summary>How the server treats one subreddit. Anything not set behaves like Reddit on a good day.</summary>
public sealed class SubredditBehavior
{
    /// <summary>Delay before answering, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>When above <see cref="LatencyMs"/>, each request waits a random time between the two.</summary>
    public int? LatencyMaxMs { get; set; }

    /// <summary>HTTP status to answer with instead of 200, with a Reddit-shaped body.</summary>
    public int Status { get; set; } = 200;

    /// <summary>
    /// Statuses by request: the n-th request for this subreddit gets the n-th status (200 is a listing), requests
    /// after the end of the list the last one. When set, replaces <see cref="Status"/>; <see cref="Fault"/> still
    /// applies to the 200s.
    /// </summary>
    public List<int>? Statuses { get; set; }

    /// <summary>The <c>reason</c> in a 403/404 body, e.g. <c>private</c>, <c>banned</c>, <c>quarantined</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> with an error status such as 429 or 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Send <c>Retry-After</c> as an HTTP date (now plus <see cref="RetryAfterSeconds"/>, rounded up to a whole second) instead of seconds.</summary>
    public bool RetryAfterAsDate { get; set; }

    public Fault Fault { get; set; }

    /// <summary>When above zero, <see cref="Status"/> and <see cref="Fault"/> apply only to the first N requests; later ones succeed.</summary>
    public int FailFirst { get; set; }

    /// <summary>When set, the listing has only its first N posts, so paging with <c>after</c> ends there.</summary>
    public int? Posts { get; set; }
}

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

    /// <summary>The <c>reason</c> in a 403/404 body, e.g. <c>private</c>, <c>banned</c>, <c>quarantined</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> with a 429 or 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    public Fault Fault { get; set; }

    /// <summary>When above zero, <see cref="Status"/> and <see cref="Fault"/> apply only to the first N requests; later ones succeed.</summary>
    public int FailFirst { get; set; }
}

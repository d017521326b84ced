namespace FakeReddit;

/// <summary>What can go wrong with one subreddit's responses.</summary>
public enum Fault
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>200 with a body that is not valid JSON.</summary>
    BadJson,

    /// <summary>200 with an HTML page instead of JSON.</summary>
    Html,

    /// <summary>200 with valid JSON that is not a listing.</summary>
    NotListing,

    /// <summary>200 with an empty body.</summary>
    Empty,

    /// <summary>Send the headers and half the body, then drop the connection.</summary>
    Truncate,

    /// <summary>Drop the connection without answering.</summary>
    Reset,

    /// <summary>Never answer (until the client gives up).</summary>
    Hang,
}

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

/// <summary>The whole configuration of a fake server: which subreddits exist and how each behaves.</summary>
public sealed class Scenario
{
    /// <summary>Behaviour by subreddit name (case-insensitive). A name listed here exists even if no listing is recorded for it.</summary>
    public Dictionary<string, SubredditBehavior> Subreddits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Behaviour of subreddits not listed in <see cref="Subreddits"/>.</summary>
    public SubredditBehavior Default { get; set; } = new();

    /// <summary>Treat every well-formed name as an existing subreddit (with generated posts).</summary>
    public bool AnyName { get; set; }

    public SubredditBehavior For(string name) =>
        Subreddits.TryGetValue(name, out var behavior) ? behavior : Default;

    /// <summary>Returns the behaviour of <paramref name="name"/>, adding it (and so making it exist) if needed.</summary>
    public SubredditBehavior Configure(string name)
    {
        if (!Subreddits.TryGetValue(name, out var behavior))
        {
            behavior = new SubredditBehavior();
            Subreddits[name] = behavior;
        }

        return behavior;
    }
}

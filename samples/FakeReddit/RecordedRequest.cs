namespace FakeReddit;

/// <summary>One request the server received, for tests that check what the client sent and when. <see cref="Subreddit"/> is null for a search.</summary>
public sealed record RecordedRequest(string? Subreddit, string PathAndQuery, string? UserAgent, DateTimeOffset ReceivedAt)
{
    /// <summary>When the response started (after latency and any hold), or null if it never did.</summary>
    public DateTimeOffset? RespondedAt { get; set; }
}

namespace FakeReddit;

/// <summary>One request the server received, for tests that check what the client sent and when. <see cref="Subreddit"/> is null for a search.</summary>
public sealed record RecordedRequest(string? Subreddit, string PathAndQuery, string? UserAgent, DateTimeOffset ReceivedAt)
{
    /// <summary>The request's <c>Authorization</c> header, e.g. <c>bearer fake-token-…</c>, or null if it had none.</summary>
    public string? Authorization { get; init; }

    /// <summary>The server's id of the connection the request came on: requests that share one have the same.</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The <c>X-Ratelimit-Reset</c> the answer carried (seconds until the budget's window ends), or null without a budget.</summary>
    public int? RateLimitReset { get; set; }

    /// <summary>When the response started (after latency and any hold), or null if it never did.</summary>
    public DateTimeOffset? RespondedAt { get; set; }
}

using System.Text.Json.Serialization;

namespace FakeReddit;

/// <summary>The whole configuration of a fake server: which subreddits exist and how each behaves.</summary>
public sealed class Scenario
{
    /// <summary>Behaviour by subreddit name (case-insensitive). A name listed here exists even if no listing is recorded for it.</summary>
    public Dictionary<string, SubredditBehavior> Subreddits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Behaviour of subreddits not listed in <see cref="Subreddits"/>.</summary>
    public SubredditBehavior Default { get; set; } = new();

    /// <summary>Treat every well-formed name as an existing subreddit (with generated posts).</summary>
    public bool AnyName { get; set; }

    /// <summary>Escape strings even when a request says <c>raw_json=1</c>, as an old or non-Reddit server might.</summary>
    public bool IgnoreRawJson { get; set; }

    /// <summary>
    /// When set, listing requests over the budget are answered 429, and every listing response carries Reddit's
    /// <c>X-Ratelimit-Used</c>, <c>X-Ratelimit-Remaining</c> and <c>X-Ratelimit-Reset</c> headers.
    /// </summary>
    public RateBudget? Budget { get; set; }

    /// <summary>
    /// When set, <c>POST /api/v1/access_token</c> issues bearer tokens to this app (without it, that path answers
    /// 404). Listing requests with a bearer token that is unknown, expired or revoked are answered 401 either way.
    /// </summary>
    [JsonPropertyName("oauth")]
    public OAuthSettings? OAuth { get; set; }

    /// <summary>
    /// Answer listing requests that carry no bearer token with 403 and Reddit's HTML page for clients blocked by its
    /// network security.
    /// </summary>
    public bool BlockAnonymous { get; set; }

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

namespace RedditTop.Reddit.Auth;

/// <summary>
/// What the token cache holds for one app and server: the token, when it expires, and the installed app's device id
/// (created once, kept across tokens).
/// </summary>
internal sealed record CachedToken(string? AccessToken, DateTimeOffset ExpiresAt, string? DeviceId)
{
    /// <summary>Redacted, so a token never reaches a log by accident.</summary>
    public override string ToString() => $"token {(AccessToken is null ? "none" : Secrets.Redact(AccessToken))}, expires {ExpiresAt:O}";
}

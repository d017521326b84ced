namespace FakeReddit;

/// <summary>
/// Reddit's app-only OAuth: the app that may ask <c>POST /api/v1/access_token</c> for bearer tokens, how long they
/// last, and how the token endpoint and listings treat them.
/// </summary>
public sealed class OAuthSettings
{
    /// <summary>The app's client id, the user name of the token request's HTTP Basic credentials.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// The app's secret, the Basic password. Null for an installed app, which sends an empty password and uses the
    /// <c>https://oauth.reddit.com/grants/installed_client</c> grant instead of <c>client_credentials</c>.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>How long an issued token lasts (<c>expires_in</c>), in seconds of the server's clock.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>
    /// When set, the answer's <c>expires_in</c> is this JSON number as written (<c>1e30</c>, <c>0</c>, <c>-5</c>) instead of
    /// <see cref="ExpiresInSeconds"/>, which is still how long the token lasts on the server.
    /// </summary>
    public string? ExpiresInSent { get; set; }

    /// <summary>When set, every token issued is this string, however unusable (a line break, over 4 KiB), not a new random one.</summary>
    public string? AccessToken { get; set; }

    /// <summary>What goes wrong with the answers that grant a token.</summary>
    public TokenFault Fault { get; set; }

    /// <summary>Answer listing requests that carry no bearer token with 401, as <c>oauth.reddit.com</c> does.</summary>
    public bool RequireToken { get; set; }

    /// <summary>When set, a token works on this many listing requests and is refused with 401 after that.</summary>
    public int? RevokeAfterUses { get; set; }

    /// <summary>When set, every token request with the right credentials is answered 200 <c>{"error": TokenError}</c>, e.g. <c>invalid_grant</c>.</summary>
    public string? TokenError { get; set; }

    /// <summary>
    /// Statuses by token request: the n-th gets the n-th status (200 is the normal answer), requests after the end
    /// of the list the last one. 5xx answers have an empty body, others <c>{"message", "error"}</c>.
    /// </summary>
    public List<int>? TokenStatuses { get; set; }
}

namespace RedditTop.Reddit.Auth;

/// <summary>
/// A Reddit app's id and, for a "script" or "web" app, its secret. An "installed app" has no secret and
/// authenticates with the installed-client grant.
/// </summary>
internal sealed record AppCredentials(string ClientId, string? ClientSecret)
{
    public const string ClientIdVariable = "REDDIT_CLIENT_ID";
    public const string ClientSecretVariable = "REDDIT_CLIENT_SECRET";

    public bool IsInstalledApp => ClientSecret is null;

    /// <summary>The grant this app uses at the token endpoint.</summary>
    public string GrantType => IsInstalledApp ? "https://oauth.reddit.com/grants/installed_client" : "client_credentials";

    /// <summary>The app named by <c>REDDIT_CLIENT_ID</c> (and <c>REDDIT_CLIENT_SECRET</c>), or null when no id is set.</summary>
    public static AppCredentials? FromEnvironment(Func<string, string?> getVariable) =>
        getVariable(ClientIdVariable) is { Length: > 0 } id
            ? new AppCredentials(id, getVariable(ClientSecretVariable) is { Length: > 0 } secret ? secret : null)
            : null;

    /// <summary>Never the secret: records print redacted.</summary>
    public override string ToString() => $"{Secrets.Redact(ClientId)} ({(IsInstalledApp ? "installed app" : "script app")})";
}

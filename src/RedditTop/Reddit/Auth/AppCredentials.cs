namespace RedditTop.Reddit.Auth;

/// <summary>
/// A Reddit app's id and, for a "script" or "web" app, its secret. An "installed app" has no secret and
/// authenticates with the installed-client grant. <see cref="IdSource"/> and <see cref="SecretSource"/> say where each
/// came from (the environment's <c>REDDIT_CLIENT_*</c> unless set otherwise), so that messages can name them.
/// </summary>
internal sealed record AppCredentials(string ClientId, string? ClientSecret)
{
    public const string ClientIdVariable = "REDDIT_CLIENT_ID";
    public const string ClientSecretVariable = "REDDIT_CLIENT_SECRET";

    /// <summary>The longest id or secret taken from PRAW's settings; Reddit's are some 30 characters.</summary>
    public const int MaxLength = 256;

    public CredentialSource IdSource { get; init; } = CredentialSource.Variable(ClientIdVariable);

    public CredentialSource SecretSource { get; init; } = CredentialSource.Variable(ClientSecretVariable);

    public bool IsInstalledApp => ClientSecret is null;

    /// <summary>The grant this app uses at the token endpoint.</summary>
    public string GrantType => IsInstalledApp ? "https://oauth.reddit.com/grants/installed_client" : "client_credentials";

    /// <summary>Where the credentials came from: <c>the environment</c>, <c>/home/me/.config/praw.ini [bot1]</c>, or both.</summary>
    public string Origin =>
        IsInstalledApp || SecretSource.Place == IdSource.Place ? IdSource.Place : $"{IdSource.Place} and {SecretSource.Place}";

    /// <summary>
    /// What to check when Reddit refuses them: <c>REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET</c>,
    /// <c>client_id and client_secret in /home/me/.config/praw.ini [bot1]</c>.
    /// </summary>
    public string ToCheck =>
        IsInstalledApp ? IdSource.ToString()
        : !IdSource.IsVariable && IdSource.Place == SecretSource.Place ? $"{IdSource.Key} and {SecretSource.Key} in {IdSource.Place}"
        : $"{IdSource} and {SecretSource}";

    /// <summary>How to take the secret away: <c>unset REDDIT_CLIENT_SECRET</c>, <c>remove client_secret in ...</c>.</summary>
    public string HowToDropSecret => SecretSource.IsVariable ? $"unset {SecretSource.Key}" : $"remove {SecretSource}";

    /// <summary>The app named by <c>REDDIT_CLIENT_ID</c> (and <c>REDDIT_CLIENT_SECRET</c>), or null when no id is set.</summary>
    public static AppCredentials? FromEnvironment(Func<string, string?> getVariable) =>
        getVariable(ClientIdVariable) is { Length: > 0 } id
            ? new AppCredentials(id, getVariable(ClientSecretVariable) is { Length: > 0 } secret ? secret : null)
            : null;

    /// <summary>
    /// The app a PRAW site names (<c>praw_client_id</c> or <c>client_id</c>, with <c>praw_client_secret</c> or
    /// <c>client_secret</c>, key by key as PRAW takes them), or null when it names no id. A site with an id and no secret
    /// is an installed app (PRAW would refuse it without a <c>client_secret=None</c> in its program). A value that could
    /// not be sent makes <paramref name="problem"/>, which names the key and where it is, never the value.
    /// </summary>
    public static AppCredentials? FromPraw(PrawSite site, out string? problem)
    {
        problem = null;
        if (site.Get("client_id") is not { } id)
        {
            return null;
        }

        var secret = site.Get("client_secret");
        problem = (ProblemOf(id.Text) is { } idProblem ? $"{id.Source}: {idProblem}" : null)
            ?? (secret is { } s && ProblemOf(s.Text) is { } secretProblem ? $"{s.Source}: {secretProblem}" : null);
        var app = new AppCredentials(id.Text, secret?.Text) { IdSource = id.Source };
        return secret is { } given ? app with { SecretSource = given.Source } : app;
    }

    /// <summary>Why a credential cannot be sent: it is a short token of printable ASCII (Reddit's are letters, digits, - and _).</summary>
    private static string? ProblemOf(string value) =>
        value.Any(c => c is <= ' ' or > '~') ? "holds a space, a line break, a control character or a character outside ASCII"
        : value.Length > MaxLength ? $"is longer than {MaxLength} characters"
        : null;

    /// <summary>Never the secret: records print redacted.</summary>
    public override string ToString() => $"{Secrets.Redact(ClientId)} ({(IsInstalledApp ? "installed app" : "script app")})";
}

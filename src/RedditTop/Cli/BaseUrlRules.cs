namespace RedditTop.Cli;

/// <summary>
/// Which servers a run may be pointed at, with <c>--base-url</c> or <see cref="Variable"/>: the rules and their errors.
/// </summary>
internal static class BaseUrlRules
{
    /// <summary>The environment variable that names the server when <c>--base-url</c> does not.</summary>
    public const string Variable = "REDDITTOP_BASE_URL";

    /// <summary>Accepts an absolute http or https URL without query or fragment, such as <c>http://127.0.0.1:5000</c>.</summary>
    public static bool TryParse(string? text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.Query.Length == 0
        && url.Fragment.Length == 0;

    /// <summary>The error for a base URL that is not one; a password in it is not repeated.</summary>
    public static string NotABaseUrl(string source, string text)
    {
        var shown = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.UserInfo.Length > 0
            ? text.Replace(url.UserInfo + "@", "…@", StringComparison.Ordinal)
            : text;
        return $"{source}: '{shown}' is not an absolute http or https URL (without query)";
    }

    /// <summary>
    /// Why requests must not go to <paramref name="url"/> (named by <paramref name="source"/>), or null. Credentials never
    /// ride in the URL; Reddit's own hosts are reached over https only; plain http is for loopback servers (a local
    /// test server such as FakeReddit) unless <paramref name="insecure"/> allows it for others.
    /// </summary>
    public static string? TransportProblem(string source, Uri url, bool insecure)
    {
        if (url.UserInfo.Length > 0)
        {
            return $"{source}: a user name or password in the URL is not accepted; an app's credentials go in REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET";
        }

        // A trailing dot names the same host: 'localhost.' is 'localhost'.
        var host = url.IdnHost.TrimEnd('.');
        if (url.Scheme == Uri.UriSchemeHttps || url.IsLoopback || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (host.Equals("reddit.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".reddit.com", StringComparison.OrdinalIgnoreCase))
        {
            return $"{source}: Reddit is reached over https only, not '{url.AbsoluteUri}'";
        }

        return insecure
            ? null
            : $"{source}: plain http is accepted only for a loopback address, not '{url.AbsoluteUri}'; use https, or --insecure to send requests unencrypted";
    }
}

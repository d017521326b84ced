using RedditTop.Reddit;
using RedditTop.Reddit.Auth;

namespace RedditTop.Cli;

/// <summary>
/// Everything one run needs, read from the command line and the environment. <see cref="BaseUrl"/> is the server the
/// user named, or null for Reddit itself; <see cref="App"/> the Reddit app to authenticate as, or null for anonymous.
/// </summary>
internal sealed record CliOptions(
    IReadOnlyList<SubredditQuery> Subreddits,
    Uri? BaseUrl,
    RedditClientOptions Request,
    bool Verbose = false,
    AppCredentials? App = null,
    OutputOptions? Output = null,
    WatchOptions? Watch = null)
{
    public const string BaseUrlVariable = "REDDITTOP_BASE_URL";

    /// <summary>Accepts an absolute http or https URL without query or fragment, such as <c>http://127.0.0.1:5000</c>.</summary>
    public static bool TryParseBaseUrl(string? text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.Query.Length == 0
        && url.Fragment.Length == 0;
}

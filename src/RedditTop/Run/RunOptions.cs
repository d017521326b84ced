using RedditTop.Reddit;
using RedditTop.Reddit.Auth;

namespace RedditTop.Run;

/// <summary>
/// Everything one run needs, read from the command line and the environment. <see cref="BaseUrl"/> is the server the
/// user named, or null for Reddit itself; <see cref="App"/> the Reddit app to authenticate as, or null for anonymous;
/// <see cref="ConfigFile"/> the config file whose arguments the run has, or null.
/// </summary>
internal sealed record RunOptions(
    IReadOnlyList<SubredditQuery> Subreddits,
    Uri? BaseUrl,
    RedditClientOptions Request,
    bool Verbose = false,
    AppCredentials? App = null,
    OutputOptions? Output = null,
    WatchOptions? Watch = null,
    string? ConfigFile = null)
{
    /// <summary>Where the User-Agent of <see cref="RedditClientOptions.UserAgent"/> came from, for <c>-v</c>; null for the default.</summary>
    public string? UserAgentOrigin { get; init; }
}

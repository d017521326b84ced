namespace RedditTop.Reddit.Auth;

/// <summary>What an authenticated client needs: the app, where its token comes from, and where tokens are cached (if anywhere).</summary>
internal sealed record AppAccess(AppCredentials Credentials, Uri TokenUrl, TokenCache? Cache);

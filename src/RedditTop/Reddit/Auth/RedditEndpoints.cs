namespace RedditTop.Reddit.Auth;

/// <summary>
/// Where requests go. Anonymous requests go to <c>https://www.reddit.com/</c>; with an app, the token comes from
/// <c>https://www.reddit.com/api/v1/access_token</c> and the API is <c>https://oauth.reddit.com/</c>. A base URL
/// given by the user (<c>--base-url</c>) holds both, so a Reddit-compatible server can serve the whole flow.
/// </summary>
internal sealed record RedditEndpoints(Uri Api, Uri Token)
{
    public static readonly Uri Www = new("https://www.reddit.com/");

    public static readonly Uri OAuth = new("https://oauth.reddit.com/");

    public static RedditEndpoints For(Uri? baseUrl, AppCredentials? credentials)
    {
        var tokenBase = baseUrl ?? Www;
        var api = baseUrl ?? (credentials is null ? Www : OAuth);
        return new RedditEndpoints(api, new Uri(WithTrailingSlash(tokenBase), "api/v1/access_token"));
    }

    public static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}

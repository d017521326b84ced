using System.Net;
using System.Net.Http.Headers;
using RedditTop.Reddit.Auth;

namespace RedditTop.Reddit.Http;

/// <summary>
/// Adds the app-only token to each attempt (<c>Authorization: bearer …</c>). When Reddit answers 401, the token is
/// renewed once and the request sent again; a second 401 stands, and that token is forgotten, in the cache too.
/// </summary>
internal sealed class AuthHandler(TokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", renewed);
        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Forget(renewed); // refused twice: not a token to keep
        }

        return response;
    }
}

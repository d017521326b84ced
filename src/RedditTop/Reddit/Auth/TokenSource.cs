using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit.Auth;

/// <summary>
/// The run's one app-only token. Every concurrent request asks it for the token; at most one request to the token
/// endpoint is in flight (single flight), so 50 subreddits cost one token, and a token cached by an earlier run is
/// used until shortly before it expires.
/// </summary>
internal sealed class TokenSource(HttpClient tokenHttp, Uri tokenUrl, AppCredentials credentials, TokenCache? cache, TimeProvider timeProvider) : IDisposable
{
    /// <summary>A token is not used in its last minute: a request made with it could arrive after it expired.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private const string DeviceIdCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _current;
    private bool _cacheRead;

    /// <summary>Whether the token in use came from the cache rather than from the token endpoint.</summary>
    public bool FromCache { get; private set; }

    /// <summary>When the token in use expires, once there is one.</summary>
    public DateTimeOffset? ExpiresAt => _current?.ExpiresAt;

    /// <summary>A token that is good for a while yet: the one in hand, the cached one, or a new one.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Usable(_current) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_cacheRead)
            {
                _cacheRead = true;
                _current = cache?.Read();
                FromCache = Usable(_current) is not null;
            }

            return Usable(_current) ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A new token after Reddit refused <paramref name="rejected"/> with a 401. Concurrent requests refused the same
    /// token share one new token.
    /// </summary>
    public async Task<string> RenewAsync(string rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Usable(_current) is { } token && token != rejected ? token : await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Usable(CachedToken? token) =>
        token?.AccessToken is { Length: > 0 } value && timeProvider.GetUtcNow() < token.ExpiresAt - ExpiryMargin ? value : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        // An installed app identifies its device with an id made once and kept with the cached token.
        var deviceId = credentials.IsInstalledApp ? _current?.DeviceId ?? cache?.Read()?.DeviceId ?? RandomNumberGenerator.GetString(DeviceIdCharacters, 25) : null;
        var form = new Dictionary<string, string> { ["grant_type"] = credentials.GrantType };
        if (deviceId is not null)
        {
            form["device_id"] = deviceId;
        }

        using var request = RedditHttp.NewRequest(HttpMethod.Post, tokenUrl.AbsoluteUri);
        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ClientId}:{credentials.ClientSecret}")));
        request.Options.Set(RequestInfo.Label, "token endpoint");

        HttpResponseMessage response;
        try
        {
            response = await tokenHttp.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = e is Polly.Timeout.TimeoutRejectedException ? new FetchFailure(FailureKind.TimedOut) : FailureReasons.FromException(e);
            throw new TokenRequestException(FailureReasons.Phrase(failure with { Attempts = Math.Max(1, RequestInfo.AttemptsOf(request)) }));
        }

        using (response)
        {
            var token = await ReadTokenAsync(response, RequestInfo.AttemptsOf(request), cancellationToken).ConfigureAwait(false);
            var cached = new CachedToken(token.AccessToken, timeProvider.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn ?? 3600), deviceId);
            _current = cached;
            FromCache = false;
            cache?.Write(cached);
            return cached.AccessToken!;
        }
    }

    private async Task<TokenResponse> ReadTokenAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new TokenRequestException(
                $"Reddit refused the app's credentials (HTTP 401): check {AppCredentials.ClientIdVariable}" +
                (credentials.IsInstalledApp ? "" : $" and {AppCredentials.ClientSecretVariable}"));
        }

        if (!response.IsSuccessStatusCode)
        {
            var failure = await FailureReasons.FromResponseAsync(response, timeProvider, anonymous: false, cancellationToken).ConfigureAwait(false);
            throw new TokenRequestException(FailureReasons.Phrase(failure with { Attempts = Math.Max(1, attempts) }));
        }

        TokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(RedditJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new TokenRequestException("the token endpoint did not answer with JSON");
        }

        if (body?.Error is { } error)
        {
            var hint = error == "unsupported_grant_type"
                ? $" (an installed app has no secret: unset {AppCredentials.ClientSecretVariable}; a script app needs it)"
                : "";
            throw new TokenRequestException($"the token endpoint refused the request: {error}{(body.ErrorDescription is { } description ? $" ({description})" : "")}{hint}");
        }

        return body?.AccessToken is { Length: > 0 }
            ? body
            : throw new TokenRequestException("the token endpoint sent no access token");
    }
}

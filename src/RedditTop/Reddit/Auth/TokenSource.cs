using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit.Auth;

/// <summary>
/// The run's one app-only token. Every concurrent request asks it for the token; at most one request to the token
/// endpoint is in flight (single flight), so 50 subreddits cost one token, and a token cached by an earlier run is
/// used until shortly before it expires.
/// </summary>
internal sealed class TokenSource(HttpClient tokenHttp, Uri tokenUrl, AppCredentials credentials, TokenCache? cache, HttpSettings settings) : IDisposable
{
    /// <summary>A token is not used in its last minute: a request made with it could arrive after it expired.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(60);

    private const string DeviceIdCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _current;
    private volatile string? _fetched; // the token this run fetched: used for the whole run, whatever its expiry
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
            if (_fetched == rejected)
            {
                _fetched = null; // refused: this run's token is used no longer
            }

            return Usable(_current) is { } token && token != rejected ? token : await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reddit refused <paramref name="refused"/> even after it was renewed: it is no token, and no later run may use it
    /// from the cache either.
    /// </summary>
    public void Forget(string refused)
    {
        if (_current is { } current && current.AccessToken == refused)
        {
            // The entry stays for an installed app's device id, without the token.
            var forgotten = current with { AccessToken = null };
            _fetched = null;
            _current = forgotten;
            cache?.Write(forgotten);
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The token of <paramref name="token"/> if it may be used: the one this run fetched always (a short
    /// <c>expires_in</c> must not cost a token request per listing request), a cached one until shortly before it
    /// expires, and never one that cannot be sent in a header (a cache written by anything else).
    /// </summary>
    private string? Usable(CachedToken? token) =>
        token?.AccessToken is { Length: > 0 } value && TokenLifetime.CanBeSent(value)
        && (ReferenceEquals(value, _fetched) || settings.Time.GetUtcNow() < token.ExpiresAt - ExpiryMargin)
            ? value
            : null;

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

        try
        {
            using var response = await tokenHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var token = await ReadTokenAsync(response, RequestInfo.AttemptsOf(request), cancellationToken).ConfigureAwait(false);
            var cached = new CachedToken(token.AccessToken, settings.Time.GetUtcNow() + TokenLifetime.Of(token.ExpiresIn), deviceId);
            _current = cached;
            _fetched = cached.AccessToken;
            FromCache = false;
            cache?.Write(cached);
            return cached.AccessToken!;
        }
        catch (Exception e) when (e is not TokenRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new TokenRequestException(FailureClassifier.FromException(e, RequestInfo.AttemptsOf(request)));
        }
    }

    /// <summary>The token in a successful answer, read through the one reading path; any other answer is a failure.</summary>
    private async Task<TokenResponse> ReadTokenAsync(HttpResponseMessage response, int attempts, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var failure = await FailureClassifier.FromResponseAsync(response, RequestKind.Token, attempts, settings.Body, settings.Time, cancellationToken).ConfigureAwait(false);
            throw new TokenRequestException(failure.Kind == FailureKind.CredentialsRefused ? failure with { Detail = credentials.ToCheck, Attempts = 1 } : failure);
        }

        TokenResponse? body;
        try
        {
            var stream = await ResponseBody.OpenAsync(response, settings.Body, settings.Time, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                body = await JsonSerializer.DeserializeAsync(stream, RedditJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException)
        {
            throw new TokenRequestException(new FetchFailure(FailureKind.TokenNotJson, (int)response.StatusCode));
        }

        if (body?.Error is { } error)
        {
            var said = new ServerText(body.ErrorDescription is { } description ? $"{error} ({description})" : error);
            var hint = error == "unsupported_grant_type"
                ? $"(an installed app has no secret: {credentials.HowToDropSecret}; a script app needs it)"
                : null;
            throw new TokenRequestException(new FetchFailure(FailureKind.TokenRefused, (int)response.StatusCode, Detail: hint, Said: said));
        }

        return body?.AccessToken is not { Length: > 0 } accessToken
            ? throw new TokenRequestException(new FetchFailure(FailureKind.NoToken, (int)response.StatusCode))
            : !TokenLifetime.CanBeSent(accessToken)
            ? throw new TokenRequestException(new FetchFailure(FailureKind.UnusableToken, (int)response.StatusCode))
            : body;
    }
}

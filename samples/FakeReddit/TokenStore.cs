using System.Security.Cryptography;

namespace FakeReddit;

/// <summary>The bearer tokens a server has issued: when each expires and how often it has been used.</summary>
internal sealed class TokenStore(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, int Uses)> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _issued = [];

    /// <summary>Every token issued so far, in order.</summary>
    public IReadOnlyList<string> Issued
    {
        get
        {
            lock (_lock)
            {
                return [.. _issued];
            }
        }
    }

    /// <summary>
    /// Issues <paramref name="value"/>, or a new random token (<c>fake-token-</c> and 32 hex digits), that expires after
    /// <paramref name="expiresInSeconds"/>.
    /// </summary>
    public string Issue(int expiresInSeconds, string? value = null)
    {
        lock (_lock)
        {
            var token = value;
            while (token is null || (value is null && _tokens.ContainsKey(token)))
            {
                token = "fake-token-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
            }

            _tokens[token] = (time.GetUtcNow().AddSeconds(expiresInSeconds), 0);
            _issued.Add(token);
            return token;
        }
    }

    /// <summary>
    /// Uses <paramref name="token"/> on one request: true, and counted, if it was issued, has not expired and has been
    /// used fewer than <paramref name="revokeAfterUses"/> times (when set).
    /// </summary>
    public bool TryUse(string token, int? revokeAfterUses)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(token, out var issued)
                || time.GetUtcNow() >= issued.ExpiresAt
                || (revokeAfterUses is { } max && issued.Uses >= max))
            {
                return false;
            }

            _tokens[token] = issued with { Uses = issued.Uses + 1 };
            return true;
        }
    }
}

namespace RedditTop.Reddit.Auth;

/// <summary>
/// The token endpoint's answer: <c>{"access_token", "token_type": "bearer", "expires_in", "scope"}</c>, or, with
/// HTTP 200 all the same, <c>{"error": "invalid_grant"}</c>.
/// </summary>
internal sealed record TokenResponse(
    string? AccessToken = null,
    string? TokenType = null,
    double? ExpiresIn = null,
    string? Scope = null,
    string? DeviceId = null,
    string? Error = null,
    string? ErrorDescription = null);

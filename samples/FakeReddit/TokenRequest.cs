namespace FakeReddit;

/// <summary>
/// One request to <c>POST /api/v1/access_token</c>: its <c>grant_type</c> and <c>device_id</c>, the user name of its
/// HTTP Basic credentials (null without them), and whether it was given a token.
/// </summary>
public sealed record TokenRequest(string? GrantType, string? DeviceId, string? BasicUser, bool Granted)
{
    /// <summary>The server's id of the connection the request came on.</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The request's <c>User-Agent</c> header; null without one.</summary>
    public string? UserAgent { get; init; }
}

namespace RedditTop.Reddit.Auth;

/// <summary>The token endpoint did not give a token; the message says why, in the user's terms, and holds no secret.</summary>
internal sealed class TokenRequestException(string message) : Exception(message);

namespace RedditTop.Reddit.Auth;

/// <summary>How a secret or a token is shown when it must be referred to at all.</summary>
internal static class Secrets
{
    /// <summary><c>tok…c3</c>: the first three and last two characters; nothing of a short value.</summary>
    public static string Redact(string value) => value.Length >= 8 ? $"{value[..3]}…{value[^2..]}" : "…";
}

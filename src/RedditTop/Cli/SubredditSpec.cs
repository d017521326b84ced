using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RedditTop.Cli;

/// <summary>
/// One <c>subreddit[:count]</c> argument as typed: <c>python</c>, <c>python:3</c>, <c>python+rust:20</c>. A name copied
/// from Reddit (<c>r/python</c>, <c>/r/python/</c>) stands for the subreddit, without the prefix.
/// </summary>
internal sealed record SubredditSpec(string Name, int? Count)
{
    public const int MinCount = 1;
    public const int MaxCount = 1000;

    /// <summary>Parses a token; on failure <paramref name="error"/> says what is wrong, naming the token.</summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out SubredditSpec? spec, out string error)
    {
        spec = null;
        error = "";

        var name = token;
        int? count = null;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            name = token[..colon];
            if (!int.TryParse(token.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < MinCount or > MaxCount)
            {
                error = $"'{token}': the count after ':' must be a whole number from {MinCount} to {MaxCount}";
                return false;
            }

            count = n;
        }

        name = WithoutRedditPrefix(name);
        if (!IsValidName(name))
        {
            error = $"'{token}' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'";
            return false;
        }

        spec = new SubredditSpec(name, count);
        return true;
    }

    /// <summary><paramref name="name"/> without a leading <c>r/</c> or <c>/r/</c> (any case) and a trailing <c>/</c>, as Reddit writes and links a subreddit.</summary>
    private static string WithoutRedditPrefix(string name)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["/r/", "r/"])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = name[prefix.Length..];
                return rest.EndsWith('/') ? rest[..^1] : rest;
            }
        }

        return name;
    }

    /// <summary>Reddit's rule for a name, or for each part of an <c>a+b</c> multireddit name.</summary>
    public static bool IsValidName(string name) =>
        name.Split('+').All(part => part.Length is >= 2 and <= 21 && part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
}

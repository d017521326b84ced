namespace RedditTop.Reddit.Auth;

/// <summary>What a token endpoint's answer may make a token: how long it is kept, and whether it can be sent at all.</summary>
internal static class TokenLifetime
{
    /// <summary>A token is cached for a day at most, whatever the server says.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>Without an <c>expires_in</c>, an hour: what Reddit gives.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromHours(1);

    /// <summary>The longest token a header takes here; Reddit's are well under 1 KiB.</summary>
    public const int MaxLength = 4 * 1024;

    /// <summary>
    /// How long a token with <paramref name="expiresIn"/> seconds is kept: none given, an hour; zero, negative or not a
    /// number, no time at all (used for this run only); anything past a day (<c>1e12</c>, <c>1e30</c>), a day.
    /// </summary>
    public static TimeSpan Of(double? expiresIn) => expiresIn switch
    {
        null => Default,
        not > 0 => TimeSpan.Zero, // NaN included
        > 86_400 => Longest,
        { } seconds => TimeSpan.FromSeconds(seconds),
    };

    /// <summary>
    /// Whether <paramref name="token"/> can go back in an <c>Authorization</c> header: 1 to <see cref="MaxLength"/>
    /// visible ASCII characters, so no space, line break, control or non-ASCII character.
    /// </summary>
    public static bool CanBeSent(string token) =>
        token.Length is > 0 and <= MaxLength && token.All(static c => c is > ' ' and < '\u007f');
}

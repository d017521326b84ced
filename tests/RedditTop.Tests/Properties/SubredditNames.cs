using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace RedditTop.Tests.Properties;

/// <summary>Subreddit names as Reddit allows them, and tokens that come close to one or are nothing like one.</summary>
internal static partial class SubredditNames
{
    private const string NameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    /// <summary>One part of a name: 2-21 ASCII letters, digits or underscores.</summary>
    public static Gen<string> Part { get; } =
        Gen.Choose(2, 21).SelectMany(length => Gen.Elements(NameCharacters.ToCharArray()).ArrayOf(length)).Select(chars => new string(chars));

    /// <summary>A valid name: one part, or a few joined with '+'.</summary>
    public static Gen<string> Valid { get; } =
        Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(2, 4))).SelectMany(parts => Part.ListOf(parts)).Select(parts => string.Join('+', parts));

    /// <summary>A valid name with hostile text put in at some place: a slash, a dot-dot, a query, a space, a control.</summary>
    public static Gen<string> NearlyValid { get; } =
        from name in Valid
        from at in Gen.Choose(0, name.Length)
        from insert in Gen.Frequency(
            (4, Gen.Elements("/", "..", "?", "#", "%", "%2F", "%2e%2e", " ", "\t", "\n", "\u0000", "\u00a0", "\u3000", "+", "++", ":", "-", ".", "\\", "&", "=", "ı", "é", "０", "\u200b")),
            (2, Texts.Piece))
        select name.Insert(at, insert);

    /// <summary>A count after ':' that is right, or wrong in one of the ways people and tools get it wrong.</summary>
    public static Gen<string> Count { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.Elements("0", "1001", "-1", "+5", " 5", "5 ", "05", "0x10", "1e2", "1.0", "", "２", "٣", "99999999999", "5:5", "3\n")),
        (1, Texts.Any));

    /// <summary>A <c>subreddit[:count]</c> token: valid, nearly valid or anything at all, with or without a count.</summary>
    public static Gen<string> Token { get; } =
        from name in Gen.Frequency((3, Valid), (3, NearlyValid), (2, Texts.Any))
        from count in Count.OrNull()
        select count is null ? name : name + ":" + count;

    /// <summary>Reddit's rule, stated apart from <c>SubredditSpec</c>: parts of 2-21 ASCII letters, digits or underscores, joined with '+'.</summary>
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_]{2,21}(\\+[A-Za-z0-9_]{2,21})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace RedditTop.Tests.Properties;

/// <summary>
/// Text that a server or a user could send, built to break formats and terminals: any UTF-16 code unit (lone
/// surrogates included), characters outside the BMP, C0, DEL and C1 controls, terminal escape sequences, bidirectional
/// controls, separators (quotes, commas, tabs, newlines, backslashes) and Unicode line breaks, mixed with plain words.
/// </summary>
internal static class Texts
{
    /// <summary>Escape sequences a terminal acts on: colours, clearing, the window title, hyperlinks, the bell.</summary>
    public static readonly string[] EscapeSequences =
    [
        "\u001b[31m", "\u001b[0m", "\u001b[2J", "\u001b[?1049h", "\u001b]0;pwned\u0007", "\u001b]8;;https://evil.example\u001b\\",
        "\u001bP+q544e\u001b\\", "\u009b31m", "\u009d0;title\u009c", "\u001bc", "\u0007", "\b\b\b", "\r$ ",
    ];

    /// <summary>Characters that mean something to csv, tsv, json, markdown, HTML, a URL or a shell.</summary>
    public static readonly string[] Separators =
    [
        ",", "\"", "\"\"", "'", "\t", "\n", "\r", "\r\n", "\\", "\\t", "\\n", "\\\"", "\\u001b", "\\uD83D\\uDC0D", " ", "  ",
        ";", "&", "&amp;", "&lt;", "&gt;", "&#39;", "<", ">", "*", "_", "`", "[", "](", ")", "#", "|", "~", "$", "%", "%2F",
        "/", "..", "?", "+", ":", "=", "-", "--", "@",
        "\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\ufeff", "\u200b", "\u00a0", "\u3000",
        "\u202e", "\u202a", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c",
    ];

    private static readonly string[] Words =
    [
        "python", "AskReddit", "Café", "naïve", "日本語", "Ελληνικά", "עברית", "العربية", "🐍", "👩‍👩‍👧", "e\u0301", "AT&T",
        "a", "0", "-1", "null", "true", "NaN", "x".PadRight(40, 'x'),
    ];

    /// <summary>One UTF-16 code unit, each equally likely: lone surrogates and unassigned characters included.</summary>
    public static Gen<string> AnyCodeUnit { get; } = Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString());

    /// <summary>A character outside the BMP, as its surrogate pair.</summary>
    public static Gen<string> Astral { get; } = Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32);

    /// <summary>A C0 control, DEL or a C1 control.</summary>
    public static Gen<string> Control { get; } =
        Gen.OneOf(Gen.Choose(0, 0x1F), Gen.Choose(0x7F, 0x9F)).Select(c => ((char)c).ToString());

    /// <summary>A high or low surrogate on its own.</summary>
    public static Gen<string> LoneSurrogate { get; } = Gen.Choose(0xD800, 0xDFFF).Select(c => ((char)c).ToString());

    /// <summary>One piece of hostile text.</summary>
    public static Gen<string> Piece { get; } = Gen.Frequency<string>(
        (3, AnyCodeUnit),
        (2, Astral),
        (3, Control),
        (1, LoneSurrogate),
        (2, Gen.Elements(EscapeSequences)),
        (5, Gen.Elements(Separators)),
        (4, Gen.Elements(Words)));

    /// <summary>Hostile text of any length up to the size, empty included; it may hold lone surrogates.</summary>
    public static Gen<string> Any { get; } = Gen.ListOf(Piece).Select(pieces => string.Concat(pieces));

    /// <summary>
    /// Shorter versions of a text: without its first or second half, then without one code point (a surrogate pair
    /// is one), so a failing case shrinks to the few characters that matter and a well-formed text stays well-formed.
    /// </summary>
    public static IEnumerable<string> Shrink(string text)
    {
        var units = CodePoints(text);
        if (units.Count == 0)
        {
            yield break;
        }

        if (units.Count > 1)
        {
            yield return string.Concat(units.Skip(units.Count / 2));
            yield return string.Concat(units.Take(units.Count / 2));
        }

        for (var i = 0; i < units.Count; i++)
        {
            yield return string.Concat(units.Take(i).Concat(units.Skip(i + 1)));
        }
    }

    /// <summary>The text as a UTF-8 writer leaves it: each lone surrogate becomes U+FFFD.</summary>
    public static string WithoutLoneSurrogates(string text) =>
        string.Concat(CodePoints(text).Select(unit => unit.Length == 1 && char.IsSurrogate(unit[0]) ? "\uFFFD" : unit));

    /// <summary>The text as it reaches a reader of stdout, which Program.cs writes as UTF-8 without a BOM.</summary>
    public static string ThroughUtf8(string text)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return utf8.GetString(utf8.GetBytes(text));
    }

    /// <summary>
    /// What the terminal-safe formats promise to show of server text, stated apart from <c>Sanitizer</c>: every
    /// control character (C0, DEL, C1) is a space and every bidirectional control is gone; nothing else changes.
    /// </summary>
    public static string Cleaned(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            clean.Append(IsControl(c) ? ' ' : c);
        }

        return clean.ToString();
    }

    /// <summary>Whether a character is a C0 control, DEL or a C1 control.</summary>
    public static bool IsControl(char c) => c is < ' ' or >= '\u007F' and <= '\u009F';

    /// <summary>Whether a character changes the direction text is shown in: embeddings, overrides, isolates and marks.</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary>The text's code points as strings: a surrogate pair is one, a lone surrogate is one.</summary>
    private static List<string> CodePoints(string text)
    {
        var units = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]);
            units.Add(text.Substring(i, pair ? 2 : 1));
            i += pair ? 1 : 0;
        }

        return units;
    }
}

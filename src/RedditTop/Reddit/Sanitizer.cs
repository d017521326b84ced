using System.Buffers;
using System.Text;

namespace RedditTop.Reddit;

/// <summary>
/// Makes text from a server harmless for a terminal and for line-based formats. Control characters (C0, DEL, C1) are
/// replaced by a space, so an escape sequence (ESC, CSI, OSC, BEL) loses its escape and prints as plain characters;
/// bidirectional overrides and isolates, which can make text read differently than it is, are dropped. A hostile
/// title cannot move the cursor, retitle the window, fake a prompt or break a post's line.
/// </summary>
internal static class Sanitizer
{
    /// <summary>U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F/U+061C (marks).</summary>
    private const string BidiControlCharacters = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

    /// <summary>The bidirectional controls, dropped here and escaped by the JSON formats.</summary>
    public static readonly SearchValues<char> BidiControls = SearchValues.Create(BidiControlCharacters);

    /// <summary>
    /// Every character <see cref="Clean"/> changes: the controls (<see cref="char.IsControl(char)"/>: U+0000–U+001F,
    /// U+007F–U+009F) and the bidirectional controls. Searched for at once, as most text has none of them.
    /// </summary>
    private static readonly SearchValues<char> NeedingCare = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        BidiControlCharacters);

    public static string Clean(string text)
    {
        var first = text.AsSpan().IndexOfAny(NeedingCare);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString();
    }

    /// <summary>Appends <paramref name="text"/> cleaned; the common case (nothing to clean) copies it as is.</summary>
    public static StringBuilder AppendClean(this StringBuilder builder, string text) => builder.Append(Clean(text));

    /// <summary>Whether <see cref="Clean"/> changes <paramref name="c"/>.</summary>
    internal static bool NeedsCare(char c) => NeedingCare.Contains(c);

    /// <summary>Whether <paramref name="c"/> is one of the <see cref="BidiControls"/>.</summary>
    public static bool IsBidiControl(char c) => BidiControls.Contains(c);
}

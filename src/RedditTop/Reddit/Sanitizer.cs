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
    public static string Clean(string text)
    {
        if (!text.Any(NeedsCare))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
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

    private static bool NeedsCare(char c) => char.IsControl(c) || IsBidiControl(c);

    /// <summary>U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F/U+061C (marks).</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}

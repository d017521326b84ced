using System.Text;

namespace RedditTop.Cli.Completion;

/// <summary>Text helpers the three scripts share: which characters are inert in every shell, one-line text, and escaping.</summary>
internal static class ShellQuoting
{
    /// <summary>Characters no shell treats specially anywhere in a word (zsh expands a leading <c>=</c>, fish a leading <c>%</c>).</summary>
    public static bool IsInert(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '+' or '/' or '@';

    /// <summary>Whitespace and control characters (a line break would end a script's line) as single spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd(' ');
    }

    public static string BackslashBefore(string text, Func<char, bool> special)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (special(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static string ReplaceChar(string text, char c, string replacement)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch == c)
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}

namespace RedditTop.Reddit.Auth;

/// <summary>
/// One <c>praw.ini</c> parsed by the rules of Python's <c>configparser.RawConfigParser._read</c> with the settings PRAW
/// leaves at their defaults: delimiters <c>=</c> and <c>:</c> (the first one on the line splits it), <c>#</c> and
/// <c>;</c> comments on lines of their own only (no inline comments), keys lower-cased (<c>optionxform</c>), section
/// names as written, values stripped, a line indented deeper than its key's continuing the value (blank lines inside
/// kept, trailing ones dropped), and <c>strict</c>: a section or a key twice in one file is an error (<c>[DEFAULT]</c>
/// may open twice, as in configparser). Lines end with <c>\n</c>, <c>\r\n</c> or <c>\r</c>, as Python's text files do.
/// </summary>
internal static class PrawIniParser
{
    public sealed record Entry(string Section, string Key, int Line, List<string> Lines)
    {
        /// <summary>configparser's <c>_join_multiline_values</c>: <c>'\n'.join(lines).rstrip()</c>.</summary>
        public string Value => TrimEnd(string.Join('\n', Lines));
    }

    public sealed record Parsed(IReadOnlyList<string> Sections, IReadOnlyList<Entry> Entries);

    public static Parsed Parse(string text, string file)
    {
        var sectionsAdded = new HashSet<string>(StringComparer.Ordinal);
        var keysAdded = new HashSet<(string, string)>();
        var sections = new List<string>();
        var entries = new List<Entry>();
        string? section = null;
        Entry? current = null; // configparser's optname: the key a continuation line or a blank line belongs to
        var indent = 0;
        var (firstBadLine, badLines) = (0, 0);
        var number = 0;
        foreach (var line in Lines(text))
        {
            number++;
            var value = Trim(line);
            var comment = value.StartsWith('#') || value.StartsWith(';');
            if (comment || value.Length == 0)
            {
                if (!comment)
                {
                    current?.Lines.Add(""); // a blank line inside a value is kept; a comment line is not
                }

                continue;
            }

            var lineIndent = line.Length - TrimStart(line).Length;
            if (current is not null && lineIndent > indent)
            {
                current.Lines.Add(value);
                continue;
            }

            indent = lineIndent;
            if (Header(value) is { } header)
            {
                if (header != PrawIni.DefaultSection)
                {
                    if (!sectionsAdded.Add(header))
                    {
                        throw PrawIniException.At(file, number, $"section [{header}] appears twice");
                    }

                    sections.Add(header);
                }

                (section, current) = (header, null);
                continue;
            }

            if (section is null)
            {
                throw PrawIniException.At(file, number, "a line before the first [section]");
            }

            var delimiter = value.AsSpan().IndexOfAny('=', ':');
            if (delimiter < 0)
            {
                // configparser goes on and raises one ParsingError for all such lines at the end; the key before stays open.
                (firstBadLine, badLines) = (badLines == 0 ? number : firstBadLine, badLines + 1);
                continue;
            }

            var key = TrimEnd(value[..delimiter]).ToLowerInvariant();
            if (!keysAdded.Add((section, key)))
            {
                throw PrawIniException.At(file, number, $"key '{key}' appears twice in [{section}]");
            }

            if (delimiter == 0)
            {
                (firstBadLine, badLines) = (badLines == 0 ? number : firstBadLine, badLines + 1);
                current = null;
                continue;
            }

            current = new Entry(section, key, number, [Trim(value[(delimiter + 1)..])]);
            entries.Add(current);
        }

        return badLines == 0
            ? new Parsed(sections, entries)
            : throw PrawIniException.At(file, firstBadLine, $"neither a [section] nor a key = value{(badLines > 1 ? $" (and {badLines - 1} more line{(badLines > 2 ? "s" : "")} like it)" : "")}");
    }

    /// <summary>configparser's <c>SECTCRE</c>, <c>\[(?P&lt;header&gt;.+)\]</c> matched at the start: up to the last <c>]</c>.</summary>
    private static string? Header(string value) =>
        value.StartsWith('[') && value.LastIndexOf(']') is > 1 and var end ? value[1..end] : null;

    /// <summary>The lines of a text file as Python reads them (universal newlines); a last line without its end counts.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                yield return text[start..];
                yield break;
            }

            yield return text.Substring(start, end);
            start += end + (text[start + end] == '\r' && start + end + 1 < text.Length && text[start + end + 1] == '\n' ? 2 : 1);
        }
    }

    /// <summary>Python's <c>str.isspace</c>: .NET's white space and the four separators U+001C to U+001F.</summary>
    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    private static string Trim(string s) => TrimEnd(TrimStart(s));

    private static string TrimStart(string s)
    {
        var i = 0;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        return s[i..];
    }

    private static string TrimEnd(string s)
    {
        var i = s.Length;
        while (i > 0 && IsSpace(s[i - 1]))
        {
            i--;
        }

        return s[..i];
    }
}

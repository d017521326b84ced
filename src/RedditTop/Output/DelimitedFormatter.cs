using System.Text;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>
/// CSV (<c>-f csv</c>, RFC 4180) and TSV (<c>-f tsv</c>): a header row of <see cref="PostRow.Names"/>, then one row per
/// post of <see cref="PostRow.Values"/>, each ending with <c>\n</c>. Every field is first cleaned with
/// <see cref="Sanitizer"/> (control characters, tabs and newlines among them, become spaces; bidirectional controls go),
/// so an escape sequence never reaches the terminal and every record is one line for line-based tools; then it is
/// quoted (CSV) or escaped (TSV) for its separator. A failure or an empty listing writes no row.
/// </summary>
internal sealed class DelimitedFormatter : IOutputFormat
{
    private readonly Func<string, string> _field;
    private readonly char _separator;
    private readonly bool _header;
    private readonly Func<Post, bool> _isNew;

    private DelimitedFormatter(char separator, Func<string, string> field, bool header, Func<Post, bool>? isNew)
    {
        _separator = separator;
        _field = field;
        _header = header;
        _isNew = isNew ?? OutputFormats.NoneNew;
    }

    /// <summary>Comma-separated; <paramref name="header"/> false leaves out the header row.</summary>
    public static DelimitedFormatter Csv(bool header = true, Func<Post, bool>? isNew = null) => new(',', CsvField, header, isNew);

    /// <summary>Tab-separated; <paramref name="header"/> false leaves out the header row.</summary>
    public static DelimitedFormatter Tsv(bool header = true, Func<Post, bool>? isNew = null) => new('\t', TsvField, header, isNew);

    public void Begin(DateTimeOffset now, StringBuilder output)
    {
        if (_header)
        {
            AppendRow(output, PostRow.Names);
        }
    }

    public void Result(SubredditResult result, StringBuilder output)
    {
        var posts = result.Posts ?? [];
        for (var i = 0; i < posts.Count; i++)
        {
            AppendRow(output, PostRow.From(result, i + 1, posts[i], _isNew(posts[i])).Values());
        }
    }

    public void End(StringBuilder output)
    {
    }

    /// <summary>
    /// A CSV field (RFC 4180): as it is, or in double quotes with quotes doubled when it holds a comma, a quote, CR or
    /// LF. Leading or trailing spaces are quoted too, so a reader that trims unquoted fields keeps them.
    /// </summary>
    public static string CsvField(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '))
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    /// <summary>A TSV field: tab, LF, CR and backslash written as <c>\t</c>, <c>\n</c>, <c>\r</c> and <c>\\</c>.</summary>
    public static string TsvField(string field)
    {
        if (field.AsSpan().IndexOfAny("\t\n\r\\") < 0)
        {
            return field;
        }

        var escaped = new StringBuilder(field.Length + 8);
        foreach (var c in field)
        {
            _ = c switch
            {
                '\t' => escaped.Append("\\t"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\\' => escaped.Append("\\\\"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private void AppendRow(StringBuilder row, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                row.Append(_separator);
            }

            row.Append(_field(Sanitizer.Clean(values[i])));
        }

        row.Append('\n');
    }
}

using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>The one place that makes an <see cref="IOutputFormat"/> from the <see cref="OutputFormat"/> <c>-f</c> names.</summary>
internal static class OutputFormats
{
    /// <summary>
    /// The writer of <paramref name="format"/>. <paramref name="queries"/> are the
    /// subreddits in argument order (json keeps that order); <paramref name="color"/> applies to text only;
    /// <paramref name="header"/> false leaves out text's date line and the header row of csv and tsv;
    /// <paramref name="markNew"/> puts a <c>*</c> before the score of a new post in text (the other formats carry <c>is_new</c>).
    /// </summary>
    public static IOutputFormat Create(OutputFormat format, IReadOnlyList<SubredditQuery> queries, bool color, bool header, bool markNew = false) => format switch
    {
        OutputFormat.Text => new TextFormatter(color, header, markNew),
        OutputFormat.Json => new JsonFormatter(queries),
        OutputFormat.Jsonl => new JsonLinesFormatter(),
        OutputFormat.Csv => DelimitedFormatter.Csv(header),
        OutputFormat.Tsv => DelimitedFormatter.Tsv(header),
        OutputFormat.Markdown => new MarkdownFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown output format; expected one of: {string.Join(", ", EnumNames.Of<OutputFormat>())}."),
    };
}

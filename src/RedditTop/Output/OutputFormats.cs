using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>The output formats <c>-f</c> accepts, and the one place that makes a format from its name.</summary>
internal static class OutputFormats
{
    /// <summary>Every format's name, the default (<c>text</c>) first.</summary>
    public static readonly IReadOnlyList<string> Names = ["text", "json", "jsonl", "csv", "tsv", "markdown"];

    /// <summary>
    /// The format called <paramref name="name"/> (one of <see cref="Names"/>). <paramref name="queries"/> are the
    /// subreddits in argument order (json keeps that order); <paramref name="color"/> applies to text only;
    /// <paramref name="header"/> false leaves out text's date line and the header row of csv and tsv;
    /// <paramref name="markNew"/> puts a <c>*</c> before the score of a new post in text (the other formats carry <c>is_new</c>).
    /// </summary>
    public static IOutputFormat Create(string name, IReadOnlyList<SubredditQuery> queries, bool color, bool header, bool markNew = false) => name switch
    {
        "text" => new TextFormatter(color, header, markNew),
        "json" => new JsonFormatter(queries),
        "jsonl" => new JsonLinesFormatter(),
        "csv" => DelimitedFormatter.Csv(header),
        "tsv" => DelimitedFormatter.Tsv(header),
        "markdown" => new MarkdownFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown output format; expected one of: {string.Join(", ", Names)}."),
    };
}

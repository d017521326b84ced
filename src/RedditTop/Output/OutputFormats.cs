using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>The one place that makes an <see cref="IOutputFormat"/> from the <see cref="OutputFormat"/> <c>-f</c> names.</summary>
internal static class OutputFormats
{
    /// <summary>Without word from the run, no post is new.</summary>
    public static readonly Func<Post, bool> NoneNew = static _ => false;

    /// <summary>
    /// The writer of <paramref name="format"/>. <paramref name="queries"/> are the
    /// subreddits in argument order (json keeps that order); <paramref name="color"/> applies to text only;
    /// <paramref name="header"/> false leaves out text's date line and the header row of csv and tsv;
    /// <paramref name="isNew"/> says which posts were not in the previous run (none, without it): the machine formats carry
    /// it as <c>is_new</c>, and with <paramref name="markNew"/> text puts a <c>*</c> before their score.
    /// </summary>
    public static IOutputFormat Create(
        OutputFormat format,
        IReadOnlyList<SubredditQuery> queries,
        bool color,
        bool header,
        bool markNew = false,
        Func<Post, bool>? isNew = null) => format switch
    {
        OutputFormat.Text => new TextFormatter(color, header, markNew ? isNew ?? NoneNew : null),
        OutputFormat.Json => new JsonFormatter(queries, isNew),
        OutputFormat.Jsonl => new JsonLinesFormatter(isNew),
        OutputFormat.Csv => DelimitedFormatter.Csv(header, isNew),
        OutputFormat.Tsv => DelimitedFormatter.Tsv(header, isNew),
        OutputFormat.Markdown => new MarkdownFormatter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Unknown output format; expected one of: {string.Join(", ", EnumNames.Of<OutputFormat>())}."),
    };
}

using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// One output format (<c>-f</c>): what goes to stdout first, for each subreddit the moment its result is ready, and
/// last. Each piece is written and flushed whole, so a reader never sees half of one. Failures are also one line on
/// stderr whatever the format; a format shows them on stdout only when its document has room for them (json).
/// </summary>
internal interface IOutputFormat
{
    /// <summary>Before any result: the text format's date line, a CSV header row; or nothing.</summary>
    string Begin(DateTimeOffset now);

    /// <summary>One subreddit's posts (or failure); empty when the format writes it later.</summary>
    string Result(SubredditResult result);

    /// <summary>After the last result: the json document; or nothing.</summary>
    string End();
}

using System.Text;
using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// One output format (<c>-f</c>): what goes to stdout first, for each subreddit the moment its result is ready, and
/// last. Each piece is appended to a buffer the caller reuses, then written and flushed whole, so a reader never sees
/// half of one and a block costs no string of its own. Failures are also one line on
/// stderr whatever the format; a format shows them on stdout only when its document has room for them (json).
/// </summary>
internal interface IOutputFormat
{
    /// <summary>
    /// The header: the text format's date line, a CSV header row; or nothing. The round writes it just before the first
    /// subreddit that is printed, and not at all when every one failed, so stdout is never a header with nothing under it.
    /// </summary>
    void Begin(DateTimeOffset now, StringBuilder output);

    /// <summary>One subreddit's posts (or failure); nothing when the format writes it later.</summary>
    void Result(SubredditResult result, StringBuilder output);

    /// <summary>After the last result: the json document; or nothing.</summary>
    void End(StringBuilder output);
}

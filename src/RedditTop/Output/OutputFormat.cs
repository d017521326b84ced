namespace RedditTop.Output;

/// <summary>The output formats <c>-f</c> accepts, named in lower case on the command line (<c>-f jsonl</c>).</summary>
internal enum OutputFormat
{
    /// <summary>The tutorial's text: a block per subreddit.</summary>
    Text,

    /// <summary>One JSON document.</summary>
    Json,

    /// <summary>JSON Lines: one post per line.</summary>
    Jsonl,

    Csv,

    Tsv,

    Markdown,
}

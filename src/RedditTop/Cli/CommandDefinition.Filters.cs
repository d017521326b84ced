using System.CommandLine;
using System.Globalization;
using RedditTop.Reddit;

namespace RedditTop.Cli;

/// <summary>The options that filter posts.</summary>
internal sealed partial class CommandDefinition
{
    public Option<int?> MinScore { get; } = new("--min-score")
    {
        Description = $"Only posts with at least this score; filters read up to {RedditClientOptions.MaxPagesWithFilter} pages of 100 to fill a count",
        HelpName = "n",
        CustomParser = result => ValueParsers.ParseNumber(result, int.MinValue, int.MaxValue, NumberStyles.AllowLeadingSign, "--min-score: '{0}' is not a whole number"),
    };

    public Option<bool> NoNsfw { get; } = new("--no-nsfw")
    {
        Description = "Leave out posts marked NSFW (over 18)",
    };

    public Option<bool> NoStickied { get; } = new("--no-stickied")
    {
        Description = "Leave out stickied posts",
    };

    public Option<string[]> Domain { get; } = new("--domain")
    {
        Description = "Only posts linking to this domain or its subdomains; repeat for several",
        HelpName = "domain",
    };

    public Option<string?> Flair { get; } = new("--flair")
    {
        Description = "Only posts whose flair contains this text (any case)",
        HelpName = "text",
    };
}

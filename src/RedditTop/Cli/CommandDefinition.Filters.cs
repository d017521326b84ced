using System.CommandLine;
using System.Globalization;

namespace RedditTop.Cli;

/// <summary>The options that filter posts.</summary>
internal sealed partial class CommandDefinition
{
    public Option<int?> MinScore { get; } = new("--min-score")
    {
        Description = "only posts scoring at least N",
        HelpName = "n",
        CustomParser = result => ValueParsers.ParseNumber(result, int.MinValue, int.MaxValue, NumberStyles.AllowLeadingSign, $"--min-score: '{{0}}' is not {ScoreValue}"),
    };

    public Option<bool> NoNsfw { get; } = new("--no-nsfw")
    {
        Description = "leave out posts marked NSFW (over 18)",
    };

    public Option<bool> NoStickied { get; } = new("--no-stickied")
    {
        Description = "leave out stickied posts",
    };

    public Option<string[]> Domain { get; } = new("--domain")
    {
        Description = "only links to DOMAIN or its subdomains (repeatable)",
        HelpName = "domain",
    };

    public Option<string?> Flair { get; } = new("--flair")
    {
        Description = "only posts whose flair contains TEXT (any case)",
        HelpName = "text",
        CustomParser = result => result.Tokens[^1].Value,
    };
}

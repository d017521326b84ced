using System.CommandLine;
using System.Globalization;
using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>The options of the output: format, order, colour, file, watching, what is new, and the completion scripts.</summary>
internal sealed partial class CommandDefinition
{
    public Option<Choice<OutputFormat>> Format { get; } = ChoiceOption(
        "--format",
        ["-f"],
        "Output format: the tutorial's text, one JSON document, JSON Lines (one post per line), CSV, TSV or Markdown",
        OutputFormat.Text);

    public Option<Choice<OutputOrder>> Order { get; } =
        ChoiceOption("--order", [], "Print each subreddit as it arrives, or in the order given (still streaming)", OutputOrder.Arrival);

    public Option<Choice<ColorMode>> Color { get; } = ChoiceOption(
        "--color",
        [],
        "Colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never",
        ColorMode.Auto);

    public Option<bool> NoHeader { get; } = new("--no-header")
    {
        Description = "Leave out the date line and dashes of the text format",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write to FILE instead of stdout (- is stdout), replacing it whole only when at least one subreddit was fetched",
        HelpName = "file",
        CustomParser = result =>
        {
            var path = result.Tokens[^1].Value;
            if (path.Length == 0)
            {
                result.AddError("--output: the file name is empty");
            }

            return path;
        },
    };

    public Option<int?> Watch { get; } = new("--watch")
    {
        Description = "Run again every SECONDS (at least 1) until Ctrl+C: on a terminal in place, like watch; piped, one round after another",
        HelpName = "seconds",
        CustomParser = result => ValueParsers.ParseNumber(result, 1, 86400, NumberStyles.None, "--watch: '{0}' is not a whole number of seconds from 1 to 86400"),
    };

    public Option<bool> MarkNew { get; } = new("--mark-new")
    {
        Description = "Put a * before the score of posts that are new since the last run (on a terminal they always are)",
    };

    public Option<bool> NewOnly { get; } = new("--new-only")
    {
        Description = "Print only posts that are new since the last run with the same subreddits, sort and time",
    };

    public Option<CompletionShell> Completion { get; } = CompletionOption();
}

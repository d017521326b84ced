using System.CommandLine;
using System.Globalization;
using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>The options of the output: format, order, colour, file, watching, what is new, and the completion scripts.</summary>
internal sealed partial class CommandDefinition
{
    private const int MinWatchSeconds = 1;
    private const int MaxWatchSeconds = 86400;

    public Option<Choice<OutputFormat>> Format { get; } = ChoiceOption(
        "--format",
        ["-f"],
        "format",
        Choices<OutputFormat>(),
        OutputFormat.Text);

    public Option<Choice<OutputOrder>> Order { get; } =
        ChoiceOption("--order", [], "order", "arrival (as they come) or input (as given)", OutputOrder.Arrival);

    public Option<Choice<ColorMode>> Color { get; } = ChoiceOption(
        "--color",
        [],
        "when",
        $"colour the text format: {Choices<ColorMode>()}",
        ColorMode.Auto);

    public Option<bool> NoHeader { get; } = new("--no-header")
    {
        Description = "no text date line or dashes, no csv or tsv header row",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "write to FILE, replacing it whole, instead of stdout",
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
        Description = $"run again every SECONDS ({MinWatchSeconds}-{MaxWatchSeconds}) until Ctrl+C",
        HelpName = "seconds",
        CustomParser = result => ValueParsers.ParseNumber(result, MinWatchSeconds, MaxWatchSeconds, NumberStyles.None, $"--watch: '{{0}}' is not {WatchValue}"),
    };

    public Option<bool> MarkNew { get; } = new("--mark-new")
    {
        Description = "put a * before new posts' scores, also when piped",
    };

    public Option<bool> NewOnly { get; } = new("--new-only")
    {
        Description = "print only posts new since the previous run",
    };

    public Option<CompletionShell> Completion { get; } = CompletionOption();
}

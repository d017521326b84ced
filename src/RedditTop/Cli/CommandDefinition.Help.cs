using System.CommandLine;
using System.CommandLine.Help;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>
/// The words of <c>--help</c> around the options, and the group each option is listed in; <see cref="HelpText"/> lays
/// them out. Every option of <see cref="Root"/> belongs to exactly one group (a test holds every new option to it).
/// </summary>
internal sealed partial class CommandDefinition
{
    private const string Summary = "Fetch the top posts of many subreddits at once and print each subreddit's block the moment it arrives.";

    /// <summary>The paragraphs after the usage line, each wrapped to the help's width.</summary>
    public static IReadOnlyList<string> HelpIntroduction { get; } =
    [
        Summary
            + " Each argument is a subreddit with an optional post count (python:25); one without a count gets --limit."
            + " Join names with + for a combined listing (python+rust). Transient failures are retried, and all requests"
            + " share Reddit's rate budget.",
    ];

    /// <summary>Command lines worth copying, each printed as it stands.</summary>
    public static IReadOnlyList<string> HelpExamples { get; } =
    [
        "reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1",
        "reddittop -t week -n 5 csharp dotnet",
        "reddittop --sort new python:250 rust",
        "watch -n 5 reddittop python:3 programming:4",
        "reddittop python:10 > top.txt",
        "reddittop -f jsonl python:5 rust:5 | jq -r .title",
        "reddittop -o top.csv -f csv --order input python:25 rust:25",
        "reddittop --watch 60 --new-only --min-score 100 python:25",
        "source <(reddittop --completion bash)",
    ];

    /// <summary>The exit codes in one paragraph, from <see cref="ExitCodes"/>.</summary>
    public static string HelpExitCodes { get; } =
        $"Exit codes: {ExitCodes.Success} all subreddits printed, {ExitCodes.Failed} at least one failed (reasons on stderr), "
        + $"{ExitCodes.Usage} usage error, {ExitCodes.InternalError} internal error (please report it), "
        + $"{ExitCodes.Interrupted} Ctrl+C, {ExitCodes.Terminated} SIGTERM.";

    /// <summary>The paragraph of <c>--help</c> on the config file this run would read (<see cref="ConfigFile.Describe"/>).</summary>
    public string ConfigFileNote { get; set; } = $"Config file: $XDG_CONFIG_HOME/reddittop/config or ${ConfigFile.PathVariable}.";

    /// <summary>The groups of <c>--help</c>, in the order printed: what to fetch, how to print it, and the rest.</summary>
    public IReadOnlyList<HelpGroup> HelpGroups =>
    [
        new("Fetch", [Subreddits, Limit, Sort, Time, MaxAge]),
        new("Output", [Format, Order, Color, NoHeader, Output]),
        new("Watching and what's new", [Watch, MarkNew, NewOnly]),
        new("Filters", [MinScore, NoNsfw, NoStickied, Domain, Flair]),
        new("Network and access", [BaseUrl, Insecure, Timeout, Retries, Deadline, Concurrency, Site, UserAgent]),
        new("Other", [Verbose, NoConfig, Completion, HelpOption, VersionOption]),
    ];

    private HelpOption HelpOption => Root.Options.OfType<HelpOption>().Single();

    private VersionOption VersionOption => Root.Options.OfType<VersionOption>().Single();

    /// <summary>A choice's values as a description names them: <c>a, b or c</c>.</summary>
    private static string Choices<T>()
        where T : struct, Enum
    {
        var names = EnumNames.Of<T>();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }
}

using System.CommandLine;
using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>What every shell's completion is asked: the options with a fixed set of values, and every option name.</summary>
public static class CompletionCases
{
    public static TheoryData<string, string[]> FixedValues => new()
    {
        { "--sort", [.. EnumNames.Of<ListingSort>()] },
        { "-s", [.. EnumNames.Of<ListingSort>()] },
        { "--time", [.. EnumNames.Of<TimeWindow>()] },
        { "--format", [.. EnumNames.Of<OutputFormat>()] },
        { "--order", [.. EnumNames.Of<OutputOrder>()] },
        { "--color", [.. EnumNames.Of<ColorMode>()] },
        { "--completion", [.. EnumNames.Of<CompletionShell>()] },
    };

    /// <summary>Options whose value is a number or a URL: nothing to offer.</summary>
    public static TheoryData<string> ValuesWithoutFixedSet => ["--limit", "-n", "--base-url", "--timeout", "-j"];

    /// <summary>Every name of every option of <paramref name="root"/>, as typed on the command line, sorted.</summary>
    internal static IEnumerable<string> OptionNames(RootCommand root) =>
        root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Order(StringComparer.Ordinal);

    internal static IEnumerable<string> Sorted(this IEnumerable<string> words) => words.Order(StringComparer.Ordinal);
}

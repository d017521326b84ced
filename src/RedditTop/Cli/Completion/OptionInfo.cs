using System.CommandLine;
using System.CommandLine.Completions;

using static RedditTop.Cli.Completion.ShellQuoting;

namespace RedditTop.Cli.Completion;

/// <summary>What a script needs to know of one option: its names, description, kind of value, and values.</summary>
internal sealed record OptionInfo(IReadOnlyList<string> Names, string Description, ValueKind Kind, IReadOnlyList<string> Values, string ValueName)
{
    public static OptionInfo Describe(Option option)
    {
        // Names as typed on the command line; System.CommandLine's help option also answers to /h and /?, which no
        // shell offers as options.
        var names = new[] { option.Name }.Concat(option.Aliases).Where(n => n.Length > 1 && n[0] == '-').Distinct(StringComparer.Ordinal).ToList();
        var description = OneLine(option.Description ?? "");
        var valueName = OneLine(string.IsNullOrEmpty(option.HelpName) ? option.Name.TrimStart('-') : option.HelpName);

        if (option.Arity.MinimumNumberOfValues == 0)
        {
            return new OptionInfo(names, description, ValueKind.None, [], valueName);
        }

        // Each completion source asked with no command line around it: a fixed set answers the same every time.
        // Option.GetCompletions(CompletionContext.Empty) gives the same values sorted by label; the sources keep the
        // order the option declares them in.
        var values = option.CompletionSources
            .SelectMany(source => source(CompletionContext.Empty))
            .Select(item => OneLine(item.InsertText ?? item.Label))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (values.Count > 0)
        {
            return new OptionInfo(names, description, ValueKind.Choice, values, option.Name.TrimStart('-'));
        }

        var kind = option.ValueType switch
        {
            var t when typeof(DirectoryInfo).IsAssignableFrom(t) => ValueKind.Directory,
            var t when typeof(FileSystemInfo).IsAssignableFrom(t) => ValueKind.File,
            _ when string.Equals(option.HelpName, "file", StringComparison.OrdinalIgnoreCase)
                || string.Equals(option.HelpName, "path", StringComparison.OrdinalIgnoreCase) => ValueKind.File,
            _ when string.Equals(option.HelpName, "directory", StringComparison.OrdinalIgnoreCase)
                || string.Equals(option.HelpName, "dir", StringComparison.OrdinalIgnoreCase) => ValueKind.Directory,
            _ => ValueKind.Other,
        };
        return new OptionInfo(names, description, kind, [], valueName);
    }
}

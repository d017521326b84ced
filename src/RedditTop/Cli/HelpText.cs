using System.CommandLine;
using System.Globalization;
using System.Text;

namespace RedditTop.Cli;

/// <summary>
/// The text of <c>--help</c>, laid out by hand at <see cref="Width"/> columns whatever the terminal's width: the usage
/// line, the introduction, the options under their group's heading (names on the left, description and default on the
/// right), the examples, the config file and the exit codes.
/// </summary>
internal static class HelpText
{
    /// <summary>No line of the help is longer.</summary>
    public const int Width = 80;

    private const string Indent = "  ";
    private const int Gap = 2;

    public static string Render(CommandDefinition cli)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Usage: reddittop [options] <{cli.Subreddits.Name}>...\n");
        foreach (var paragraph in CommandDefinition.HelpIntroduction)
        {
            text.Append('\n');
            AppendWrapped(text, paragraph, "", "");
        }

        var groups = cli.HelpGroups.Select(g => (g.Heading, Rows: g.Members.Select(Row).ToList())).ToList();
        var column = Indent.Length + groups.SelectMany(g => g.Rows).Max(r => r.Names.Length) + Gap;
        foreach (var (heading, rows) in groups)
        {
            text.Append('\n').Append(heading).Append(":\n");
            foreach (var (names, description) in rows)
            {
                var left = (Indent + names).PadRight(column);
                AppendWrapped(text, description, left, new string(' ', column));
            }
        }

        text.Append("\nExamples:\n");
        foreach (var example in CommandDefinition.HelpExamples)
        {
            text.Append(Indent).Append(example).Append('\n');
        }

        text.Append('\n');
        AppendWrapped(text, cli.ConfigFileNote, "", "");
        text.Append('\n');
        AppendWrapped(text, CommandDefinition.HelpExitCodes, "", "");
        return text.ToString();
    }

    /// <summary>
    /// How an option is named in the help, <c>-n, --limit N</c> (the long name alone indented as if it had a short one),
    /// and its description with its default, <c>... [10]</c>; an argument is <c>&lt;name&gt;</c>.
    /// </summary>
    public static (string Names, string Description) Row(Symbol symbol) => symbol switch
    {
        Option option => (OptionNames(option), option.Description + DefaultOf(option)),
        Argument argument => ($"<{argument.Name}>", argument.Description ?? ""),
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol.Name, "Neither an option nor an argument."),
    };

    private static string OptionNames(Option option)
    {
        var shortName = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-' && char.IsAsciiLetter(a[1]));
        var names = (shortName is null ? "    " : shortName + ", ") + option.Name;
        return IsFlag(option) ? names : $"{names} {Placeholder(option)}";
    }

    /// <summary>An option given without a value (<c>--no-nsfw</c>; System.CommandLine would also take <c>--no-nsfw true</c>).</summary>
    private static bool IsFlag(Option option) => option.Arity.MinimumNumberOfValues == 0;

    /// <summary>The value's short name in capitals: <c>N</c>, <c>SECONDS</c>, <c>FILE</c>.</summary>
    private static string Placeholder(Option option) =>
        (string.IsNullOrEmpty(option.HelpName) ? option.Name.TrimStart('-') : option.HelpName).ToUpperInvariant();

    /// <summary><c> [10]</c> for an option that takes a value and has a default; nothing for a flag.</summary>
    private static string DefaultOf(Option option)
    {
        if (IsFlag(option) || !option.HasDefaultValue)
        {
            return "";
        }

        var value = option.GetDefaultValue() switch
        {
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other?.ToString(),
        };
        return string.IsNullOrEmpty(value) ? "" : $" [{value}]";
    }

    /// <summary>
    /// Appends <paramref name="words"/> after <paramref name="first"/>, wrapped at spaces so that no line is longer than
    /// <see cref="Width"/>; lines after the first start with <paramref name="rest"/>. A word longer than a line stands
    /// alone on its line.
    /// </summary>
    private static void AppendWrapped(StringBuilder text, string words, string first, string rest)
    {
        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(rest);
                empty = true;
            }

            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }
}

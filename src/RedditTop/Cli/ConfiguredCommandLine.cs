using System.CommandLine;
using System.CommandLine.Parsing;

namespace RedditTop.Cli;

/// <summary>
/// The config file's arguments followed by the command line's, parsed as one command line, with what it takes to tell
/// them apart: which tokens came from the file (for an error naming its line, and for an environment variable that wins
/// over the file but not over the command line) and which subreddits. The file's subreddits are used only when the
/// command line names none: otherwise they are left out and the rest is parsed again.
/// </summary>
internal sealed class ConfiguredCommandLine
{
    private readonly string? _configPath;
    private readonly List<Line> _lines; // the config file's arguments in use
    private readonly string[] _args;
    private readonly int _configTokens;

    private ConfiguredCommandLine(ParseResult result, string? configPath, List<Line> lines, string[] args)
    {
        Result = result;
        _configPath = configPath;
        _lines = lines;
        _args = args;
        _configTokens = lines.Sum(l => l.Tokens);
    }

    public ParseResult Result { get; }

    /// <summary>The config file whose arguments are in <see cref="Result"/>, or null.</summary>
    public string? ConfigPath => _configPath;

    /// <summary>Parses <paramref name="config"/>'s arguments (none when null) and then <paramref name="args"/>.</summary>
    public static ConfiguredCommandLine Parse(CommandDefinition cli, ConfigFile? config, string[] args, ParserConfiguration configuration)
    {
        if (config is null || config.Arguments.Count == 0)
        {
            return new(cli.Root.Parse(args, configuration), config?.Path, [], args);
        }

        // The tokens an argument makes (--sort=new makes two) are the same alone as among others.
        var lines = config.Arguments.Select((a, i) => new Line(a, config.LineNumbers[i], cli.Root.Parse([a], configuration).Tokens.Count)).ToList();
        var parsed = new ConfiguredCommandLine(cli.Root.Parse([.. lines.Select(l => l.Argument), .. args], configuration), config.Path, lines, args);
        var subreddits = parsed.SubredditPositions(cli);
        if (!subreddits.Any(p => p >= parsed._configTokens))
        {
            return parsed;
        }

        // Lines of subreddits only: not an unknown option's, nor 'yes' of '--no-nsfw=yes', each an error of its own.
        var fromFile = subreddits.Where(p => p < parsed._configTokens).Select(parsed.LineAt).Where(l => !CommandDefinition.LooksLikeOption(l.Argument)).ToHashSet();
        if (fromFile.Count == 0)
        {
            return parsed;
        }

        lines.RemoveAll(fromFile.Contains);
        return new(cli.Root.Parse([.. lines.Select(l => l.Argument), .. args], configuration), config.Path, lines, args);
    }

    /// <summary>
    /// Whether <paramref name="option"/> is on the command line itself (or in an <c>@file</c> it names), not only in the
    /// config file: an environment variable wins over the file's value, and loses to the command line's.
    /// </summary>
    public bool OnCommandLine(Option option) =>
        Result.Tokens.Skip(_configTokens).Any(t => t.Type == TokenType.Option && (t.Value == option.Name || option.Aliases.Contains(t.Value)));

    /// <summary>
    /// The usage errors of the whole, the file's first, each naming the config file's line when its token came from
    /// there; a flag given a value it cannot take (<see cref="FlagWithValue"/>) after the others of its part.
    /// </summary>
    public List<string> UsageErrors(CommandDefinition cli)
    {
        var placed = Cli.UsageErrors.CollectPlaced(Result, cli);
        var inFile = placed.Where(e => e.Position < _configTokens).Select(e => At(LineAt(e.Position), e.Message))
            .Concat(_lines.Select(l => FlagWithValue(cli, l.Argument) is { } error ? At(l, error) : null).OfType<string>());
        var onCommandLine = placed.Where(e => e.Position >= _configTokens).Select(e => e.Message)
            .Concat(_args.TakeWhile(a => a != "--").Select(a => FlagWithValue(cli, a)).OfType<string>());
        return inFile.Concat(onCommandLine).Distinct().ToList();
    }

    /// <summary>
    /// The error of a flag written with a value it cannot take, <c>--no-nsfw=yes</c>, or null: System.CommandLine
    /// takes <c>true</c> or <c>false</c> there and would make anything else the next argument, a subreddit.
    /// </summary>
    private static string? FlagWithValue(CommandDefinition cli, string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0 || !argument.StartsWith("--", StringComparison.Ordinal) || bool.TryParse(argument[(equals + 1)..], out _))
        {
            return null;
        }

        var name = argument[..equals];
        return cli.Root.Options.Any(o => o.ValueType == typeof(bool) && (o.Name == name || o.Aliases.Contains(name)))
            ? $"{name} takes no value: '{argument}'"
            : null;
    }

    private string At(Line line, string message) => ConfigFile.At(_configPath!, line.Number, message);

    /// <summary>Where in <see cref="Result"/>'s tokens the subreddit argument's tokens are.</summary>
    private List<int> SubredditPositions(CommandDefinition cli)
    {
        var tokens = new HashSet<Token>(Result.GetResult(cli.Subreddits)?.Tokens ?? [], ReferenceEqualityComparer.Instance);
        return Enumerable.Range(0, Result.Tokens.Count).Where(i => tokens.Contains(Result.Tokens[i])).ToList();
    }

    /// <summary>The config file's line whose argument made the token at <paramref name="position"/> (below the file's token count).</summary>
    private Line LineAt(int position)
    {
        foreach (var line in _lines)
        {
            if (position < line.Tokens)
            {
                return line;
            }

            position -= line.Tokens;
        }

        throw new ArgumentOutOfRangeException(nameof(position), position, "Not a token of the config file.");
    }

    private sealed record Line(string Argument, int Number, int Tokens);
}

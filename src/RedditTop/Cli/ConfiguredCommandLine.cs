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
    private readonly int _configTokens;

    private ConfiguredCommandLine(ParseResult result, string? configPath, List<Line> lines)
    {
        Result = result;
        _configPath = configPath;
        _lines = lines;
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
            return new(cli.Root.Parse(args, configuration), config?.Path, []);
        }

        // The tokens an argument makes (--sort=new makes two) are the same alone as among others.
        var lines = config.Arguments.Select((a, i) => new Line(a, config.LineNumbers[i], cli.Root.Parse([a], configuration).Tokens.Count)).ToList();
        var parsed = new ConfiguredCommandLine(cli.Root.Parse([.. lines.Select(l => l.Argument), .. args], configuration), config.Path, lines);
        var subreddits = parsed.SubredditPositions(cli);
        if (!subreddits.Any(p => p >= parsed._configTokens))
        {
            return parsed;
        }

        var fromFile = subreddits.Where(p => p < parsed._configTokens && !CommandDefinition.LooksLikeOption(parsed.Result.Tokens[p].Value)).Select(parsed.LineAt).ToHashSet();
        if (fromFile.Count == 0)
        {
            return parsed;
        }

        lines.RemoveAll(fromFile.Contains);
        return new(cli.Root.Parse([.. lines.Select(l => l.Argument), .. args], configuration), config.Path, lines);
    }

    /// <summary>
    /// Whether <paramref name="option"/> is on the command line itself (or in an <c>@file</c> it names), not only in the
    /// config file: an environment variable wins over the file's value, and loses to the command line's.
    /// </summary>
    public bool OnCommandLine(Option option) =>
        Result.Tokens.Skip(_configTokens).Any(t => t.Type == TokenType.Option && (t.Value == option.Name || option.Aliases.Contains(t.Value)));

    /// <summary>The usage errors of the whole, in order (the file's first), each naming the config file's line when its token came from there.</summary>
    public List<string> UsageErrors(CommandDefinition cli) =>
        Cli.UsageErrors.CollectPlaced(Result, cli)
            .Select(e => _configPath is not null && e.Position >= 0 && e.Position < _configTokens ? ConfigFile.At(_configPath, LineAt(e.Position).Number, e.Message) : e.Message)
            .Distinct()
            .ToList();

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

using System.CommandLine;
using System.CommandLine.Parsing;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>Usage errors (exit code 2): which there are, in the tool's words, and how they are reported on stderr.</summary>
internal static class UsageErrors
{
    /// <summary>
    /// Every usage error of <paramref name="parseResult"/>. The subreddit argument's tokens are judged here, where
    /// <c>--</c> is known: one that starts with '-' is, before it, an option nobody knows (with a suggestion of the
    /// option meant) and, after it, an (invalid) subreddit name. The word after an unknown option is taken for its
    /// value and not judged, so <c>--limt 5</c> gives one error, not a second about '5'. A missing subreddit is
    /// reported only when nothing else is wrong, so <c>reddittop -n</c> gives one error.
    /// </summary>
    public static List<string> Collect(ParseResult parseResult, CommandDefinition cli) =>
        CollectPlaced(parseResult, cli).Select(e => e.Message).Distinct().ToList();

    /// <summary>
    /// <see cref="Collect"/>'s errors with the place in <paramref name="parseResult"/>'s tokens of the token each is
    /// about (<see cref="int.MaxValue"/> for one about nothing typed), in that order.
    /// </summary>
    public static List<(int Position, string Message)> CollectPlaced(ParseResult parseResult, CommandDefinition cli)
    {
        var subreddits = cli.Subreddits;
        // Each error with the place of its token, so they are told in the command line's order.
        var errors = new List<(int Position, string Message)>();
        var tokens = parseResult.Tokens;
        var subredditTokens = new HashSet<Token>(parseResult.GetResult(subreddits)?.Tokens ?? [], ReferenceEqualityComparer.Instance);
        var optionNames = parseResult.CommandResult.Command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        var afterSeparator = false;
        var afterUnknownOption = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var previousWasUnknown = afterUnknownOption;
            afterUnknownOption = false;
            afterSeparator |= token.Type == TokenType.DoubleDash;
            if (!subredditTokens.Contains(token))
            {
                continue;
            }

            if (!afterSeparator && CommandDefinition.LooksLikeOption(token.Value))
            {
                errors.Add((i, $"unknown option '{token.Value}'{OptionSuggestions.Hint(OptionSuggestions.For(token.Value, optionNames))}"));
                afterUnknownOption = !token.Value.Contains('=', StringComparison.Ordinal);
            }
            else if (!(previousWasUnknown && !afterSeparator) && !SubredditSpec.TryParse(token.Value, out _, out var error))
            {
                errors.Add((i, error));
            }
        }

        var missingSubreddits = false;
        foreach (var error in parseResult.Errors)
        {
            if (error.SymbolResult is ArgumentResult result && result.Argument == subreddits)
            {
                // Its tokens were judged above; without any, the subreddits are missing.
                missingSubreddits |= result.Tokens.Count == 0;
            }
            else if (error.SymbolResult is OptionResult { Tokens.Count: 0, IdentifierToken: { } typed } missing && missing.Option.Arity.MinimumNumberOfValues > 0)
            {
                errors.Add((PositionOf(missing, tokens), $"{typed.Value} needs {cli.ValueNeeded(missing.Option)}"));
            }
            else
            {
                errors.Add((PositionOf(error.SymbolResult, tokens), AsDiagnostic(error.Message)));
            }
        }

        if (missingSubreddits && errors.Count == 0)
        {
            errors.Add((int.MaxValue, "no subreddit given: name at least one, e.g. 'reddittop python:3'"));
        }

        return [.. errors.OrderBy(e => e.Position)];
    }

    /// <summary>Writes <paramref name="messages"/> and the pointer to <c>--help</c> to <paramref name="error"/>; returns exit code 2.</summary>
    public static async Task<int> ReportAsync(TextWriter error, IEnumerable<string> messages)
    {
        // A message can quote an argument, and an argument (from an @file too) can hold an escape sequence.
        foreach (var message in messages)
        {
            await error.WriteLineAsync($"reddittop: {Sanitizer.Clean(message)}");
        }

        await error.WriteLineAsync("Try 'reddittop --help' for more information.");
        await error.FlushAsync();
        return ExitCodes.Usage;
    }

    /// <summary>Where the option's value or the argument an error is about was typed; an error about nothing typed comes last.</summary>
    private static int PositionOf(SymbolResult? result, IReadOnlyList<Token> tokens)
    {
        var token = result switch
        {
            OptionResult option => option.Tokens.LastOrDefault() ?? option.IdentifierToken, // the value it is about (the last one wins)
            ArgumentResult argument => argument.Tokens.FirstOrDefault(),
            _ => null,
        };
        for (var i = 0; token is not null && i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Puts a message of System.CommandLine's own, one not worded above, in the tool's style: lower case, no full stop.</summary>
    private static string AsDiagnostic(string message) => FailureText.LowerFirst(message.TrimEnd('.'));
}

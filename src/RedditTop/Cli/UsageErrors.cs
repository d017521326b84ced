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
    /// Every usage error of <paramref name="parseResult"/>. Tokens of the subreddit argument that start with '-' are
    /// judged here, where <c>--</c> is known: before it they are options nobody knows, after it they are (invalid)
    /// subreddit names. A missing subreddit is reported only when nothing else is wrong, so <c>reddittop -n</c> gives
    /// one error.
    /// </summary>
    public static List<string> Collect(ParseResult parseResult, Argument<SubredditSpec[]> subreddits)
    {
        var errors = new List<string>();
        var subredditTokens = parseResult.GetResult(subreddits)?.Tokens ?? [];
        var afterSeparator = false;
        foreach (var token in parseResult.Tokens)
        {
            afterSeparator |= token.Type == TokenType.DoubleDash;
            if (!CommandDefinition.LooksLikeOption(token.Value) || !subredditTokens.Contains(token, ReferenceEqualityComparer.Instance))
            {
                continue;
            }

            if (!afterSeparator)
            {
                errors.Add($"unknown option '{token.Value}'");
            }
            else if (!SubredditSpec.TryParse(token.Value, out _, out var error))
            {
                errors.Add(error);
            }
        }

        var missingSubreddits = false;
        foreach (var error in parseResult.Errors)
        {
            if (error.SymbolResult is ArgumentResult result && result.Argument == subreddits && result.Tokens.Count == 0)
            {
                missingSubreddits = true;
            }
            else
            {
                errors.Add(AsDiagnostic(error.Message));
            }
        }

        if (missingSubreddits && errors.Count == 0)
        {
            errors.Add("no subreddit given: name at least one, e.g. 'reddittop python:3'");
        }

        return errors.Distinct().ToList();
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

    /// <summary>Puts System.CommandLine's own messages (<c>Option '-n' expects ... provided.</c>) in the tool's style.</summary>
    private static string AsDiagnostic(string message) => FailureText.LowerFirst(message.TrimEnd('.'));
}

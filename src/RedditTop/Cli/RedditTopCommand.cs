using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.CommandLine;
using RedditTop.Cli.Completion;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>The command line: <c>reddittop [options] &lt;subreddit[:count]&gt;...</c>.</summary>
internal static class RedditTopCommand
{

    /// <summary>
    /// Parses and runs the command and returns the exit code: usage errors are reported on stderr and exit with 2, and
    /// an exception (a bug) is reported with its stack trace and exits with 70.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, RunEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            return await ParseAndRunAsync(args, environment, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            await environment.Error.WriteLineAsync($"reddittop: internal error, please report it: {e}");
            await environment.Error.FlushAsync(CancellationToken.None);
            return ExitCodes.InternalError;
        }
    }

    private static async Task<int> ParseAndRunAsync(string[] args, RunEnvironment environment, CancellationToken cancellationToken)
    {
        var cli = new CommandDefinition();
        var root = cli.Root;
        root.SetAction(async (parseResult, token) =>
        {
            // The option wins; an empty variable counts as unset.
            var url = parseResult.GetValue(cli.BaseUrl);
            var urlSource = "--base-url";
            if (parseResult.GetResult(cli.BaseUrl) is null && environment.GetEnvironmentVariable(RunOptions.BaseUrlVariable) is { Length: > 0 } variable)
            {
                if (!RunOptions.TryParseBaseUrl(variable, out var fromVariable))
                {
                    return await UsageErrorAsync(environment, [CommandDefinition.NotABaseUrl(RunOptions.BaseUrlVariable, variable)]);
                }

                url = fromVariable;
                urlSource = RunOptions.BaseUrlVariable;
            }

            if (url is not null && RunOptions.TransportProblem(urlSource, url, parseResult.GetValue(cli.Insecure)) is { } problem)
            {
                return await UsageErrorAsync(environment, [problem]);
            }

            var defaultCount = parseResult.GetValue(cli.Limit);
            var queries = parseResult.GetRequiredValue(cli.Subreddits).Select(s => new SubredditQuery(s.Name, s.Count ?? defaultCount)).ToList();
            var request = new RedditClientOptions
            {
                Sort = parseResult.GetRequiredValue(cli.Sort),
                Time = parseResult.GetRequiredValue(cli.Time),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(cli.Timeout)),
                Retries = parseResult.GetValue(cli.Retries),
                Deadline = TimeSpan.FromSeconds(parseResult.GetValue(cli.Deadline)),
                MaxConcurrency = parseResult.GetValue(cli.Concurrency),
                Filter = new PostFilter(
                    parseResult.GetValue(cli.MinScore),
                    parseResult.GetValue(cli.NoNsfw),
                    parseResult.GetValue(cli.NoStickied),
                    parseResult.GetValue(cli.Domain) is { Length: > 0 } domains ? domains : null,
                    parseResult.GetValue(cli.Flair)),
            };
            var app = AppCredentials.FromEnvironment(environment.GetEnvironmentVariable);
            var outputOptions = new OutputOptions(
                parseResult.GetRequiredValue(cli.Format),
                parseResult.GetRequiredValue(cli.Order) == "input",
                parseResult.GetRequiredValue(cli.Color),
                !parseResult.GetValue(cli.NoHeader),
                parseResult.GetValue(cli.Output));
            var watch = new WatchOptions(
                parseResult.GetValue(cli.Watch) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                parseResult.GetValue(cli.MarkNew),
                parseResult.GetValue(cli.NewOnly));
            return await Runner.RunAsync(new RunOptions(queries, url, request, parseResult.GetValue(cli.Verbose), app, outputOptions, watch), environment, token);
        });

        ParseResult parseResult;
        try
        {
            parseResult = root.Parse(args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException && args.Any(a => a.StartsWith('@')))
        {
            // An '@file' argument is read as a response file. System.CommandLine reports one that does not exist, but lets
            // the other reasons it cannot be read escape: a directory, no permission, a NUL in the name.
            return await UsageErrorAsync(environment, [$"cannot read response file: {e.Message}"]);
        }

        // The completion script needs no subreddits. The shell is read from its token, as the option's parser reads it:
        // without one, or with one that is not known, there is no value to get, and the usage error is reported below.
        var shell = parseResult.GetResult(cli.Completion) is { Tokens: [.., var last] } ? last.Value.ToLowerInvariant() : null;
        if (shell is not null && CompletionScripts.Shells.Contains(shell))
        {
            await environment.Out.WriteAsync(CompletionScripts.Generate(shell, root));
            await environment.Out.FlushAsync(CancellationToken.None);
            return ExitCodes.Success;
        }
        if (parseResult.Action is ParseErrorAction || parseResult.Action == root.Action)
        {
            var errors = UsageErrors(parseResult, cli.Subreddits);
            if (errors.Count > 0)
            {
                return await UsageErrorAsync(environment, errors);
            }
        }

        // Program.cs owns Ctrl+C/SIGTERM (cancellationToken); an exception is a bug, reported as such below, and must not
        // become exit code 1 ("a subreddit failed").
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken);
        try
        {
            await environment.Out.FlushAsync(CancellationToken.None); // help and version text; blocks are flushed as they are written
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            return OutputFailure.Report(e, environment.Error.WriteLine) ? ExitCodes.Failed : exitCode;
        }

        return exitCode;
    }

    /// <summary>
    /// Every usage error, in the tool's words. Tokens of the subreddit argument that start with '-' are judged here,
    /// where <c>--</c> is known: before it they are options nobody knows, after it they are (invalid) subreddit names.
    /// A missing subreddit is reported only when nothing else is wrong, so <c>reddittop -n</c> gives one error.
    /// </summary>
    private static List<string> UsageErrors(ParseResult parseResult, Argument<SubredditSpec[]> subreddits)
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

    private static async Task<int> UsageErrorAsync(RunEnvironment environment, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            await environment.Error.WriteLineAsync($"reddittop: {message}");
        }

        await environment.Error.WriteLineAsync("Try 'reddittop --help' for more information.");
        await environment.Error.FlushAsync();
        return ExitCodes.Usage;
    }

    /// <summary>Puts System.CommandLine's own messages (<c>Option '-n' expects ... provided.</c>) in the tool's style.</summary>
    private static string AsDiagnostic(string message)
    {
        message = message.TrimEnd('.');
        return message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }
}

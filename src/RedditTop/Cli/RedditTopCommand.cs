using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;

namespace RedditTop.Cli;

/// <summary>The command line: <c>reddittop [options] &lt;subreddit[:count]&gt;...</c>.</summary>
internal static class RedditTopCommand
{
    private const string Description = """
        Fetch the top posts of many subreddits at once and print each subreddit's block the moment it arrives.

        Each argument is a subreddit name with an optional post count (1-1000); a name without a count
        uses --limit. Counts above 100 are fetched 100 at a time. Join names with '+' for a combined
        listing (python+rust). Transient failures are retried, and requests share Reddit's rate budget.

        Examples:
          reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1
          reddittop -t week -n 5 csharp dotnet
          reddittop --sort new python:250 rust
          watch -n 5 reddittop python:3 programming:4
          reddittop python:10 > top.txt
          reddittop -f jsonl python:5 rust:5 | jq -r .title
          reddittop -o top.csv -f csv --order input python:25 rust:25

        Exit codes: 0 all subreddits printed, 1 at least one failed (reasons on stderr),
        2 usage error, 70 internal error (please report it), 130 interrupted (143 on SIGTERM).
        """;

    /// <summary>
    /// Parses and runs the command and returns the exit code: usage errors are reported on stderr and exit with 2, and
    /// an exception (a bug) is reported with its stack trace and exits with 70.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
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

    private static async Task<int> ParseAndRunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var subreddits = new Argument<SubredditSpec[]>("subreddit[:count]")
        {
            Description = "Subreddits to fetch, each with an optional post count",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                var specs = new List<SubredditSpec>(result.Tokens.Count);
                foreach (var token in result.Tokens.Where(t => !LooksLikeOption(t.Value)))
                {
                    if (SubredditSpec.TryParse(token.Value, out var spec, out var error))
                    {
                        specs.Add(spec);
                    }
                    else
                    {
                        result.AddError(error);
                    }
                }

                return [.. specs];
            },
        };

        var limit = new Option<int>("--limit", "-n")
        {
            Description = $"Posts per subreddit without a count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount})",
            DefaultValueFactory = _ => 10,
            CustomParser = result => ParseNumber(result, SubredditSpec.MinCount, SubredditSpec.MaxCount, NumberStyles.None, $"--limit: '{{0}}' is not a whole number from {SubredditSpec.MinCount} to {SubredditSpec.MaxCount}"),
        };

        var sort = new Option<string>("--sort", "-s")
        {
            Description = "Which listing to read",
            DefaultValueFactory = _ => RedditClientOptions.DefaultSort,
            HelpName = string.Join('|', RedditClientOptions.Sorts),
            CustomParser = result => ParseChoice(result, "--sort", RedditClientOptions.Sorts),
        };

        var time = new Option<string>("--time", "-t")
        {
            Description = "Time window of the top and controversial listings",
            DefaultValueFactory = _ => RedditClientOptions.DefaultTime,
            HelpName = string.Join('|', RedditClientOptions.Times),
            CustomParser = result => ParseChoice(result, "--time", RedditClientOptions.Times),
        };

        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = $"Reddit-compatible server to query, token endpoint included [default: ${CliOptions.BaseUrlVariable}, else Reddit]",
            HelpName = "url",
            CustomParser = ParseBaseUrl,
        };

        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one attempt at a request may take before it is given up (and retried)",
            DefaultValueFactory = _ => RedditClientOptions.DefaultTimeout.TotalSeconds,
            CustomParser = result => ParseNumber(result, 0.001, 3600, Decimal, "--timeout: '{0}' is not a number of seconds above 0 and at most 3600"),
            HelpName = "seconds",
        };

        var retries = new Option<int>("--retries")
        {
            Description = "Times a transient failure (408, 429, 5xx, connection failure, time-out) is tried again; 0 turns retries off",
            DefaultValueFactory = _ => RedditClientOptions.DefaultRetries,
            CustomParser = result => ParseNumber(result, 0, 10, NumberStyles.None, "--retries: '{0}' is not a whole number from 0 to 10"),
            HelpName = "n",
        };

        var deadline = new Option<double>("--deadline")
        {
            Description = "Seconds the whole run may take; subreddits not complete by then fail",
            DefaultValueFactory = _ => RedditClientOptions.DefaultDeadline.TotalSeconds,
            CustomParser = result => ParseNumber(result, 0.001, 86400, Decimal, "--deadline: '{0}' is not a number of seconds above 0 and at most 86400"),
            HelpName = "seconds",
        };

        var concurrency = new Option<int>("--max-concurrency", "-j")
        {
            Description = "Requests in flight at once",
            DefaultValueFactory = _ => RedditClientOptions.DefaultMaxConcurrency,
            CustomParser = result => ParseNumber(result, 1, 64, NumberStyles.None, "--max-concurrency: '{0}' is not a whole number from 1 to 64"),
            HelpName = "n",
        };

        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "One line on stderr per attempt: subreddit, attempt, status, milliseconds, budget left",
        };

        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: the tutorial's text, one JSON document, JSON Lines (one post per line), CSV, TSV or Markdown",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join('|', OutputFormats.Names),
            CustomParser = result => ParseChoice(result, "--format", OutputFormats.Names),
        };

        var order = new Option<string>("--order")
        {
            Description = "Print each subreddit as it arrives, or in the order given (still streaming)",
            DefaultValueFactory = _ => "arrival",
            HelpName = string.Join('|', OutputOptions.Orders),
            CustomParser = result => ParseChoice(result, "--order", OutputOptions.Orders),
        };

        var color = new Option<string>("--color")
        {
            Description = "Colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never",
            DefaultValueFactory = _ => "auto",
            HelpName = string.Join('|', OutputOptions.ColorChoices),
            CustomParser = result => ParseChoice(result, "--color", OutputOptions.ColorChoices),
        };

        var noHeader = new Option<bool>("--no-header")
        {
            Description = "Leave out the date line and dashes of the text format",
        };

        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to FILE instead of stdout, replacing it whole only when at least one subreddit was fetched",
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

        var root = new RootCommand(Description)
        {
            subreddits, limit, sort, time, baseUrl, timeout, retries, deadline, concurrency, verbose, format, order, color, noHeader, output,
        };
        root.SetAction(async (parseResult, token) =>
        {
            // The option wins; an empty variable counts as unset.
            var url = parseResult.GetValue(baseUrl);
            if (parseResult.GetResult(baseUrl) is null && environment.GetEnvironmentVariable(CliOptions.BaseUrlVariable) is { Length: > 0 } variable)
            {
                if (!CliOptions.TryParseBaseUrl(variable, out var fromVariable))
                {
                    return await UsageErrorAsync(environment, [NotABaseUrl(CliOptions.BaseUrlVariable, variable)]);
                }

                url = fromVariable;
            }

            var defaultCount = parseResult.GetValue(limit);
            var queries = parseResult.GetRequiredValue(subreddits).Select(s => new SubredditQuery(s.Name, s.Count ?? defaultCount)).ToList();
            var request = new RedditClientOptions
            {
                Sort = parseResult.GetRequiredValue(sort),
                Time = parseResult.GetRequiredValue(time),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                Retries = parseResult.GetValue(retries),
                Deadline = TimeSpan.FromSeconds(parseResult.GetValue(deadline)),
                MaxConcurrency = parseResult.GetValue(concurrency),
            };
            var app = AppCredentials.FromEnvironment(environment.GetEnvironmentVariable);
            var outputOptions = new OutputOptions(
                parseResult.GetRequiredValue(format),
                parseResult.GetRequiredValue(order) == "input",
                parseResult.GetRequiredValue(color),
                !parseResult.GetValue(noHeader),
                parseResult.GetValue(output));
            return await TopAction.RunAsync(new CliOptions(queries, url, request, parseResult.GetValue(verbose), app, outputOptions), environment, token);
        });

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction || parseResult.Action == root.Action)
        {
            var errors = UsageErrors(parseResult, subreddits);
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
            if (!LooksLikeOption(token.Value) || !subredditTokens.Contains(token, ReferenceEqualityComparer.Instance))
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

    /// <summary>A token that System.CommandLine would have taken for an option had it known one by that name.</summary>
    private static bool LooksLikeOption(string token) => token.Length > 1 && token.StartsWith('-');

    private static Uri? ParseBaseUrl(ArgumentResult result)
    {
        var text = result.Tokens[^1].Value;
        if (CliOptions.TryParseBaseUrl(text, out var url))
        {
            return url;
        }

        result.AddError(text.Length == 0 ? "--base-url: the URL is empty" : NotABaseUrl("--base-url", text));
        return null;
    }

    private static string NotABaseUrl(string source, string text) => $"{source}: '{text}' is not an absolute http or https URL (without query)";

    /// <summary>Seconds: <c>10</c>, <c>0.5</c>, <c>1e2</c>; no sign, no thousands separators.</summary>
    private const NumberStyles Decimal = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>One of <paramref name="choices"/>, in any case.</summary>
    private static string ParseChoice(ArgumentResult result, string option, IReadOnlyList<string> choices)
    {
        var value = result.Tokens[^1].Value.ToLowerInvariant();
        if (!choices.Contains(value))
        {
            result.AddError($"{option}: '{result.Tokens[^1].Value}' is not one of {string.Join(", ", choices)}");
        }

        return value;
    }

    private static T ParseNumber<T>(ArgumentResult result, T min, T max, NumberStyles styles, string error)
        where T : struct, INumber<T>
    {
        var text = result.Tokens[^1].Value;
        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || !T.IsFinite(value) || value < min || value > max)
        {
            result.AddError(string.Format(CultureInfo.InvariantCulture, error, text));
        }

        return value;
    }

    private static async Task<int> UsageErrorAsync(CliEnvironment environment, IEnumerable<string> messages)
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

using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using RedditTop.Reddit;

namespace RedditTop.Cli;

/// <summary>The command line: <c>reddittop [options] &lt;subreddit[:count]&gt;...</c>.</summary>
internal static class RedditTopCommand
{
    private const string Description = """
        Fetch the top posts of many subreddits at once and print each subreddit's block the moment it arrives.

        Each argument is a subreddit name with an optional post count (1-1000); a name without a count
        uses --limit. Reddit sends at most 100 posts per request and paging is not supported yet, so
        counts above 100 print at most 100 posts. Join names with '+' for a combined listing (python+rust).

        Examples:
          reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1
          reddittop -t week -n 5 csharp dotnet
          watch -n 5 reddittop python:3 programming:4
          reddittop python:10 > top.txt

        Exit codes: 0 all subreddits printed, 1 at least one failed (reasons on stderr),
        2 usage error, 130 interrupted (143 on SIGTERM).
        """;

    /// <summary>Parses and runs the command; usage errors are reported on stderr and exit with 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var subreddits = new Argument<SubredditSpec[]>("subreddit[:count]")
        {
            Description = "Subreddits to fetch, each with an optional post count",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = result =>
            {
                var specs = new List<SubredditSpec>(result.Tokens.Count);
                foreach (var token in result.Tokens)
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
            Description = $"Posts per subreddit without a count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount}; at most {SubredditQuery.MaxPerRequest} are fetched)",
            DefaultValueFactory = _ => 10,
            CustomParser = result => ParseNumber(result, SubredditSpec.MinCount, SubredditSpec.MaxCount, NumberStyles.None, $"--limit: '{{0}}' is not a whole number from {SubredditSpec.MinCount} to {SubredditSpec.MaxCount}"),
        };

        var time = new Option<string>("--time", "-t")
        {
            Description = "Time window of the top listing",
            DefaultValueFactory = _ => RedditClientOptions.DefaultTime,
            HelpName = string.Join('|', RedditClientOptions.Times),
            CustomParser = result =>
            {
                var value = result.Tokens[^1].Value.ToLowerInvariant();
                if (!RedditClientOptions.Times.Contains(value))
                {
                    result.AddError($"--time: '{result.Tokens[^1].Value}' is not one of {string.Join(", ", RedditClientOptions.Times)}");
                }

                return value;
            },
        };

        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Reddit-compatible server to query [default: ${CliOptions.BaseUrlVariable}, else {CliOptions.DefaultBaseUrl.OriginalString.TrimEnd('/')}]",
            HelpName = "url",
        };

        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for each subreddit before giving up on it",
            DefaultValueFactory = _ => RedditClientOptions.DefaultTimeout.TotalSeconds,
            CustomParser = result => ParseNumber(result, 0.001, 3600, NumberStyles.AllowDecimalPoint, "--timeout: '{0}' is not a number of seconds above 0 and at most 3600"),
            HelpName = "seconds",
        };

        var root = new RootCommand(Description) { subreddits, limit, time, baseUrl, timeout };
        root.SetAction(async (parseResult, token) =>
        {
            var (urlText, urlSource) = parseResult.GetValue(baseUrl) is { } option
                ? (option, "--base-url")
                : (environment.GetEnvironmentVariable(CliOptions.BaseUrlVariable), CliOptions.BaseUrlVariable);
            var url = CliOptions.DefaultBaseUrl;
            if (!string.IsNullOrEmpty(urlText) && !CliOptions.TryParseBaseUrl(urlText, out url))
            {
                return await UsageErrorAsync(environment, [$"{urlSource}: '{urlText}' is not an absolute http or https URL (without query)"]);
            }

            var defaultCount = parseResult.GetValue(limit);
            var queries = parseResult.GetRequiredValue(subreddits).Select(s => new SubredditQuery(s.Name, s.Count ?? defaultCount)).ToList();
            var request = new RedditClientOptions(parseResult.GetRequiredValue(time), TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            return await TopAction.RunAsync(new CliOptions(queries, url, request), environment, token);
        });

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return await UsageErrorAsync(environment, parseResult.Errors.Select(e => e.Message));
        }

        // Program.cs owns Ctrl+C/SIGTERM (cancellationToken) and reports exceptions, which must not become exit code 1
        // ("a subreddit failed").
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private static T ParseNumber<T>(ArgumentResult result, T min, T max, NumberStyles styles, string error)
        where T : struct, INumber<T>
    {
        var text = result.Tokens[^1].Value;
        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            result.AddError(string.Format(CultureInfo.InvariantCulture, error, text));
        }

        return value;
    }

    private static async Task<int> UsageErrorAsync(CliEnvironment environment, IEnumerable<string> messages)
    {
        foreach (var message in messages.Select(AsDiagnostic).Distinct())
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

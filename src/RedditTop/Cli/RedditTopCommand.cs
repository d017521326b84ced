using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
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
        2 usage error, 130 interrupted.
        """;

    /// <summary>Parses and runs the command; usage errors are reported on stderr and exit with 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var subreddits = new Argument<string[]>("subreddit[:count]")
        {
            Description = "Subreddits to fetch, each with an optional post count",
            Arity = ArgumentArity.OneOrMore,
        };
        subreddits.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!SubredditArgument.TryParse(token.Value, out _, out _, out var error))
                {
                    result.AddError(error);
                }
            }
        });

        var limit = new Option<int>("--limit", "-n")
        {
            Description = $"Posts per subreddit without a count ({SubredditArgument.MinCount}-{SubredditArgument.MaxCount}; at most {SubredditQuery.MaxPerRequest} are fetched)",
            DefaultValueFactory = _ => 10,
            CustomParser = result => ParseNumber(result, "--limit", SubredditArgument.MinCount, SubredditArgument.MaxCount),
        };

        var time = new Option<string>("--time", "-t")
        {
            Description = "Time window of the top listing",
            DefaultValueFactory = _ => RedditClientOptions.DefaultTime,
            HelpName = string.Join('|', RedditClientOptions.Times),
        };
        time.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !RedditClientOptions.Times.Contains(result.Tokens[^1].Value))
            {
                result.AddError($"--time: '{result.Tokens[^1].Value}' is not one of {string.Join(", ", RedditClientOptions.Times)}");
            }
        });

        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"Reddit-compatible server to query [default: ${CliOptions.BaseUrlVariable}, else {CliOptions.DefaultBaseUrl.OriginalString.TrimEnd('/')}]",
            HelpName = "url",
        };
        baseUrl.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !CliOptions.TryParseBaseUrl(result.Tokens[^1].Value, out _))
            {
                result.AddError($"--base-url: '{result.Tokens[^1].Value}' is not an absolute http or https URL");
            }
        });

        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for each subreddit before giving up on it",
            DefaultValueFactory = _ => (int)RedditClientOptions.DefaultTimeout.TotalSeconds,
            CustomParser = result => ParseNumber(result, "--timeout", 1, 3600),
            HelpName = "seconds",
        };

        var root = new RootCommand(Description) { subreddits, limit, time, baseUrl, timeout };
        root.SetAction(async (parseResult, token) =>
        {
            var urlText = parseResult.GetValue(baseUrl) ?? environment.GetEnvironmentVariable(CliOptions.BaseUrlVariable);
            Uri url = CliOptions.DefaultBaseUrl;
            if (!string.IsNullOrEmpty(urlText) && !CliOptions.TryParseBaseUrl(urlText, out url))
            {
                return await UsageErrorAsync(environment, [$"{CliOptions.BaseUrlVariable}: '{urlText}' is not an absolute http or https URL"]);
            }

            var defaultCount = parseResult.GetValue(limit);
            var queries = parseResult.GetRequiredValue(subreddits).Select(token =>
            {
                SubredditArgument.TryParse(token, out var name, out var count, out _);
                return new SubredditQuery(name, count ?? defaultCount);
            }).ToList();
            var options = new CliOptions(queries, parseResult.GetRequiredValue(time), url, TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            return await TopAction.RunAsync(options, environment, token);
        });

        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return await UsageErrorAsync(environment, parseResult.Errors.Select(e => e.Message));
        }

        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private static int ParseNumber(System.CommandLine.Parsing.ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens[^1].Value;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            result.AddError($"{option}: '{text}' is not a whole number from {min} to {max}");
        }

        return value;
    }

    private static async Task<int> UsageErrorAsync(CliEnvironment environment, IEnumerable<string> messages)
    {
        foreach (var message in messages.Distinct())
        {
            await environment.Error.WriteLineAsync($"reddittop: {message}");
        }

        await environment.Error.WriteLineAsync("Try 'reddittop --help' for more information.");
        await environment.Error.FlushAsync();
        return ExitCodes.Usage;
    }
}

using System.CommandLine.Parsing;
using System.CommandLine;
using System.Globalization;
using System.Numerics;
using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>
/// The command line's definition: every argument and option, with its help, its parser and (where it has a fixed set
/// of values) its completions. <see cref="RedditTopCommand"/> runs it; the completion scripts are generated from it.
/// </summary>
internal sealed class CommandDefinition
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
          reddittop --watch 60 --new-only --min-score 100 python:25
          source <(reddittop --completion bash)

        Exit codes: 0 all subreddits printed, 1 at least one failed (reasons on stderr),
        2 usage error, 70 internal error (please report it), 130 interrupted (143 on SIGTERM).
        """;

    public CommandDefinition()
    {
        Root = new RootCommand(Description)
        {
            Subreddits, Limit, Sort, Time, BaseUrl, Insecure, Timeout, Retries, Deadline, Concurrency, Verbose, Format, Order, Color, NoHeader, Output,
            Watch, MarkNew, NewOnly, MinScore, NoNsfw, NoStickied, Domain, Flair, Completion,
        };

        // Completion comes from the scripts of --completion. System.CommandLine's own [suggest] directive (for
        // dotnet-suggest) is not offered: it fails on some command lines ('[suggest] -vn -n5') with an exception.
        foreach (var suggest in Root.Directives.OfType<System.CommandLine.Completions.SuggestDirective>().ToList())
        {
            Root.Directives.Remove(suggest);
        }
    }

    public RootCommand Root { get; }

    public Argument<SubredditSpec[]> Subreddits { get; } = new("subreddit[:count]")
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

    public Option<int> Limit { get; } = new("--limit", "-n")
    {
        Description = $"Posts per subreddit without a count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount})",
        DefaultValueFactory = _ => 10,
        CustomParser = result => ParseNumber(result, SubredditSpec.MinCount, SubredditSpec.MaxCount, NumberStyles.None, $"--limit: '{{0}}' is not a whole number from {SubredditSpec.MinCount} to {SubredditSpec.MaxCount}"),
    };

    public Option<string> Sort { get; } = new("--sort", "-s")
    {
        Description = "Which listing to read",
        DefaultValueFactory = _ => RedditClientOptions.DefaultSort,
        HelpName = string.Join('|', RedditClientOptions.Sorts),
        CustomParser = result => ParseChoice(result, "--sort", RedditClientOptions.Sorts),
        CompletionSources = { RedditClientOptions.Sorts.ToArray() },
    };

    public Option<string> Time { get; } = new("--time", "-t")
    {
        Description = "Time window of the top and controversial listings",
        DefaultValueFactory = _ => RedditClientOptions.DefaultTime,
        HelpName = string.Join('|', RedditClientOptions.Times),
        CustomParser = result => ParseChoice(result, "--time", RedditClientOptions.Times),
        CompletionSources = { RedditClientOptions.Times.ToArray() },
    };

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"Reddit-compatible server to query, token endpoint included [default: ${RunOptions.BaseUrlVariable}, else Reddit]",
        HelpName = "url",
        CustomParser = ParseBaseUrl,
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Accept a plain-http --base-url that is not a loopback address (requests, and an app's credentials, travel unencrypted)",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one attempt at a request may take before it is given up (and retried)",
        DefaultValueFactory = _ => RedditClientOptions.DefaultTimeout.TotalSeconds,
        CustomParser = result => ParseNumber(result, 0.001, 3600, Decimal, "--timeout: '{0}' is not a number of seconds above 0 and at most 3600"),
        HelpName = "seconds",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Times a transient failure (408, 429, 5xx, connection failure, time-out) is tried again; 0 turns retries off",
        DefaultValueFactory = _ => RedditClientOptions.DefaultRetries,
        CustomParser = result => ParseNumber(result, 0, 10, NumberStyles.None, "--retries: '{0}' is not a whole number from 0 to 10"),
        HelpName = "n",
    };

    public Option<double> Deadline { get; } = new("--deadline")
    {
        Description = "Seconds the whole run may take; subreddits not complete by then fail",
        DefaultValueFactory = _ => RedditClientOptions.DefaultDeadline.TotalSeconds,
        CustomParser = result => ParseNumber(result, 0.001, 86400, Decimal, "--deadline: '{0}' is not a number of seconds above 0 and at most 86400"),
        HelpName = "seconds",
    };

    public Option<int> Concurrency { get; } = new("--max-concurrency", "-j")
    {
        Description = "Requests in flight at once",
        DefaultValueFactory = _ => RedditClientOptions.DefaultMaxConcurrency,
        CustomParser = result => ParseNumber(result, 1, 1000, NumberStyles.None, "--max-concurrency: '{0}' is not a whole number from 1 to 1000"),
        HelpName = "n",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "One line on stderr per attempt: subreddit, attempt, status, milliseconds, budget left",
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Output format: the tutorial's text, one JSON document, JSON Lines (one post per line), CSV, TSV or Markdown",
        DefaultValueFactory = _ => "text",
        HelpName = string.Join('|', OutputFormats.Names),
        CustomParser = result => ParseChoice(result, "--format", OutputFormats.Names),
        CompletionSources = { OutputFormats.Names.ToArray() },
    };

    public Option<string> Order { get; } = new("--order")
    {
        Description = "Print each subreddit as it arrives, or in the order given (still streaming)",
        DefaultValueFactory = _ => "arrival",
        HelpName = string.Join('|', OutputOptions.Orders),
        CustomParser = result => ParseChoice(result, "--order", OutputOptions.Orders),
        CompletionSources = { OutputOptions.Orders.ToArray() },
    };

    public Option<string> Color { get; } = new("--color")
    {
        Description = "Colour the text format: auto (on a terminal, unless NO_COLOR is set), always or never",
        DefaultValueFactory = _ => "auto",
        HelpName = string.Join('|', OutputOptions.ColorChoices),
        CustomParser = result => ParseChoice(result, "--color", OutputOptions.ColorChoices),
        CompletionSources = { OutputOptions.ColorChoices.ToArray() },
    };

    public Option<bool> NoHeader { get; } = new("--no-header")
    {
        Description = "Leave out the date line and dashes of the text format",
    };

    public Option<int?> Watch { get; } = new("--watch")
    {
        Description = "Run again every SECONDS (at least 1) until Ctrl+C: on a terminal in place, like watch; piped, one round after another",
        HelpName = "seconds",
        CustomParser = result => ParseNumber(result, 1, 86400, NumberStyles.None, "--watch: '{0}' is not a whole number of seconds from 1 to 86400"),
    };

    public Option<bool> MarkNew { get; } = new("--mark-new")
    {
        Description = "Put a * before the score of posts that are new since the last run (on a terminal they always are)",
    };

    public Option<bool> NewOnly { get; } = new("--new-only")
    {
        Description = "Print only posts that are new since the last run with the same subreddits, sort and time",
    };

    public Option<int?> MinScore { get; } = new("--min-score")
    {
        Description = $"Only posts with at least this score; filters read up to {RedditClientOptions.MaxPagesWithFilter} pages of 100 to fill a count",
        HelpName = "n",
        CustomParser = result => ParseNumber(result, int.MinValue, int.MaxValue, NumberStyles.AllowLeadingSign, "--min-score: '{0}' is not a whole number"),
    };

    public Option<bool> NoNsfw { get; } = new("--no-nsfw")
    {
        Description = "Leave out posts marked NSFW (over 18)",
    };

    public Option<bool> NoStickied { get; } = new("--no-stickied")
    {
        Description = "Leave out stickied posts",
    };

    public Option<string[]> Domain { get; } = new("--domain")
    {
        Description = "Only posts linking to this domain or its subdomains; repeat for several",
        HelpName = "domain",
    };

    public Option<string?> Flair { get; } = new("--flair")
    {
        Description = "Only posts whose flair contains this text (any case)",
        HelpName = "text",
    };

    public Option<string?> Completion { get; } = new("--completion")
    {
        Description = "Print the completion script for bash, zsh or fish, and exit",
        HelpName = "shell",
        CompletionSources = { CompletionScripts.Shells.ToArray() },
        CustomParser = result => ParseChoice(result, "--completion", CompletionScripts.Shells),
    };

    public Option<string?> Output { get; } = new("--output", "-o")
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

    /// <summary>A token that System.CommandLine would have taken for an option had it known one by that name.</summary>
    public static bool LooksLikeOption(string token) => token.Length > 1 && token.StartsWith('-');

    private static Uri? ParseBaseUrl(ArgumentResult result)
    {
        var text = result.Tokens[^1].Value;
        if (RunOptions.TryParseBaseUrl(text, out var url))
        {
            return url;
        }

        result.AddError(text.Length == 0 ? "--base-url: the URL is empty" : NotABaseUrl("--base-url", text));
        return null;
    }

    /// <summary>The error for a base URL that is not one; a password in it is not repeated.</summary>
    public static string NotABaseUrl(string source, string text)
    {
        var shown = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.UserInfo.Length > 0
            ? text.Replace(url.UserInfo + "@", "…@", StringComparison.Ordinal)
            : text;
        return $"{source}: '{shown}' is not an absolute http or https URL (without query)";
    }

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
}

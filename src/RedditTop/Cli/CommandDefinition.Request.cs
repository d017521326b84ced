using System.CommandLine;
using System.Globalization;
using RedditTop.Reddit;

namespace RedditTop.Cli;

/// <summary>The options of the requests: which listing, how many posts, which server, and how patiently.</summary>
internal sealed partial class CommandDefinition
{
    public Option<int> Limit { get; } = new("--limit", "-n")
    {
        Description = $"Posts per subreddit without a count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount})",
        DefaultValueFactory = _ => 10,
        CustomParser = result => ValueParsers.ParseNumber(result, SubredditSpec.MinCount, SubredditSpec.MaxCount, NumberStyles.None, $"--limit: '{{0}}' is not a whole number from {SubredditSpec.MinCount} to {SubredditSpec.MaxCount}"),
    };

    public Option<Choice<ListingSort>> Sort { get; } =
        ChoiceOption("--sort", ["-s"], "Which listing to read", RedditClientOptions.DefaultSort);

    public Option<Choice<TimeWindow>> Time { get; } =
        ChoiceOption("--time", ["-t"], "Time window of the top and controversial listings", RedditClientOptions.DefaultTime);

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"Reddit-compatible server to query, token endpoint included [default: ${BaseUrlRules.Variable}, else Reddit]",
        HelpName = "url",
        CustomParser = ValueParsers.ParseBaseUrl,
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Accept a plain-http --base-url that is not a loopback address (requests, and an app's credentials, travel unencrypted)",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds one attempt at a request may take before it is given up (and retried)",
        DefaultValueFactory = _ => RedditClientOptions.DefaultTimeout.TotalSeconds,
        CustomParser = result => ValueParsers.ParseNumber(result, 0.001, 3600, ValueParsers.Decimal, "--timeout: '{0}' is not a number of seconds above 0 and at most 3600"),
        HelpName = "seconds",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = "Times a transient failure (408, 429, 5xx, connection failure, time-out) is tried again; 0 turns retries off",
        DefaultValueFactory = _ => RedditClientOptions.DefaultRetries,
        CustomParser = result => ValueParsers.ParseNumber(result, 0, 10, NumberStyles.None, "--retries: '{0}' is not a whole number from 0 to 10"),
        HelpName = "n",
    };

    public Option<double> Deadline { get; } = new("--deadline")
    {
        Description = "Seconds the whole run may take; subreddits not complete by then fail",
        DefaultValueFactory = _ => RedditClientOptions.DefaultDeadline.TotalSeconds,
        CustomParser = result => ValueParsers.ParseNumber(result, 0.001, 86400, ValueParsers.Decimal, "--deadline: '{0}' is not a number of seconds above 0 and at most 86400"),
        HelpName = "seconds",
    };

    public Option<int> Concurrency { get; } = new("--max-concurrency", "-j")
    {
        Description = "Requests in flight at once",
        DefaultValueFactory = _ => RedditClientOptions.DefaultMaxConcurrency,
        CustomParser = result => ValueParsers.ParseNumber(result, 1, 1000, NumberStyles.None, "--max-concurrency: '{0}' is not a whole number from 1 to 1000"),
        HelpName = "n",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "One line on stderr per attempt: subreddit, attempt, status, milliseconds, budget left",
    };
}

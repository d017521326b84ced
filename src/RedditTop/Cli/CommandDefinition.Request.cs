using System.CommandLine;
using System.Globalization;
using RedditTop.Reddit;

namespace RedditTop.Cli;

/// <summary>The options of the requests: which listing, how many posts, which server, and how patiently.</summary>
internal sealed partial class CommandDefinition
{
    private const int MaxTimeoutSeconds = 3600;
    private const int MaxDeadlineSeconds = 86400;
    private const int MinRetries = 0;
    private const int MaxRetries = 10;
    private const int MinConcurrency = 1;
    private const int MaxConcurrency = 1000;
    private const int MaxMaxAgeSeconds = 86400;

    public Option<int> Limit { get; } = new("--limit", "-n")
    {
        Description = $"posts for a subreddit without a count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount})",
        HelpName = "n",
        DefaultValueFactory = _ => 10,
        CustomParser = result => ValueParsers.ParseNumber(result, SubredditSpec.MinCount, SubredditSpec.MaxCount, NumberStyles.None, $"--limit: '{{0}}' is not {CountValue}"),
    };

    public Option<Choice<ListingSort>> Sort { get; } =
        ChoiceOption("--sort", ["-s"], "sort", Choices<ListingSort>(), RedditClientOptions.DefaultSort);

    public Option<Choice<TimeWindow>> Time { get; } =
        ChoiceOption("--time", ["-t"], "window", $"window: {Choices<TimeWindow>()}", RedditClientOptions.DefaultTime);

    public Option<Uri?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"server to query [${BaseUrlRules.Variable}, else Reddit]",
        HelpName = "url",
        CustomParser = ValueParsers.ParseBaseUrl,
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "accept a plain-http --base-url on another machine",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = $"how long one attempt may take (at most {MaxTimeoutSeconds})",
        DefaultValueFactory = _ => RedditClientOptions.DefaultTimeout.TotalSeconds,
        CustomParser = result => ValueParsers.ParseNumber(result, 0.001, MaxTimeoutSeconds, ValueParsers.Decimal, $"--timeout: '{{0}}' is not {TimeoutValue}"),
        HelpName = "seconds",
    };

    public Option<int> Retries { get; } = new("--retries")
    {
        Description = $"times a transient failure is tried again ({MinRetries}-{MaxRetries})",
        DefaultValueFactory = _ => RedditClientOptions.DefaultRetries,
        CustomParser = result => ValueParsers.ParseNumber(result, MinRetries, MaxRetries, NumberStyles.None, $"--retries: '{{0}}' is not {RetriesValue}"),
        HelpName = "n",
    };

    public Option<double> Deadline { get; } = new("--deadline")
    {
        Description = $"how long the whole run may take (at most {MaxDeadlineSeconds})",
        DefaultValueFactory = _ => RedditClientOptions.DefaultDeadline.TotalSeconds,
        CustomParser = result => ValueParsers.ParseNumber(result, 0.001, MaxDeadlineSeconds, ValueParsers.Decimal, $"--deadline: '{{0}}' is not {DeadlineValue}"),
        HelpName = "seconds",
    };

    public Option<int> Concurrency { get; } = new("--max-concurrency", "-j")
    {
        Description = $"requests in flight at once ({MinConcurrency}-{MaxConcurrency})",
        DefaultValueFactory = _ => RedditClientOptions.DefaultMaxConcurrency,
        CustomParser = result => ValueParsers.ParseNumber(result, MinConcurrency, MaxConcurrency, NumberStyles.None, $"--max-concurrency: '{{0}}' is not {ConcurrencyValue}"),
        HelpName = "n",
    };

    public Option<double?> MaxAge { get; } = new("--max-age")
    {
        Description = $"reuse answers up to SECONDS old (0-{MaxMaxAgeSeconds})",
        HelpName = "seconds",
        CustomParser = result => ValueParsers.ParseNumber(result, 0, MaxMaxAgeSeconds, ValueParsers.Decimal, $"--max-age: '{{0}}' is not {MaxAgeValue}"),
    };

    public Option<string?> Site { get; } = new("--site")
    {
        Description = "the praw.ini section with the app's credentials",
        HelpName = "name",
        CustomParser = result => ValueParsers.ParseNonEmpty(result, "--site: the section name is empty"),
    };

    public Option<string?> UserAgent { get; } = new("--user-agent")
    {
        Description = "the User-Agent header [$REDDITTOP_USER_AGENT]",
        HelpName = "text",
        CustomParser = result => ValueParsers.ParseNonEmpty(result, "--user-agent: the text is empty"),
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "one line on stderr per attempt: status, time, budget",
    };
}

using System.CommandLine;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;
using RedditTop.Cli.Completion;

namespace RedditTop.Cli;

/// <summary>
/// What each option's value must be, in one phrase that both of its errors use: <c>--limit: '0' is not a whole number
/// from 1 to 1000</c> for a wrong value, <c>--limit needs a whole number from 1 to 1000</c> for a missing one.
/// </summary>
internal sealed partial class CommandDefinition
{
    private static readonly string CountValue = $"a whole number from {SubredditSpec.MinCount} to {SubredditSpec.MaxCount}";
    private static readonly string TimeoutValue = $"a number of seconds above 0 and at most {MaxTimeoutSeconds}";
    private static readonly string RetriesValue = $"a whole number from {MinRetries} to {MaxRetries}";
    private static readonly string DeadlineValue = $"a number of seconds above 0 and at most {MaxDeadlineSeconds}";
    private static readonly string ConcurrencyValue = $"a whole number from {MinConcurrency} to {MaxConcurrency}";
    private static readonly string WatchValue = $"a whole number of seconds from {MinWatchSeconds} to {MaxWatchSeconds}";
    private static readonly string MaxAgeValue = $"a number of seconds from 0 to {MaxMaxAgeSeconds}";
    private const string ScoreValue = "a whole number";

    /// <summary>The value <paramref name="option"/> needs, for the error that says it is missing.</summary>
    public string ValueNeeded(Option option) => option switch
    {
        _ when option == Limit => CountValue,
        _ when option == Sort => OneOf<ListingSort>(),
        _ when option == Time => OneOf<TimeWindow>(),
        _ when option == BaseUrl => "an http or https URL",
        _ when option == Timeout => TimeoutValue,
        _ when option == Retries => RetriesValue,
        _ when option == Deadline => DeadlineValue,
        _ when option == Concurrency => ConcurrencyValue,
        _ when option == MaxAge => MaxAgeValue,
        _ when option == Site => "a section of praw.ini",
        _ when option == UserAgent => "the text to send as User-Agent",
        _ when option == Format => OneOf<OutputFormat>(),
        _ when option == Order => OneOf<OutputOrder>(),
        _ when option == Color => OneOf<ColorMode>(),
        _ when option == Output => "a file name (- for stdout)",
        _ when option == Watch => WatchValue,
        _ when option == MinScore => ScoreValue,
        _ when option == Domain => "a domain name",
        _ when option == Flair => "the text to look for in the flair",
        _ when option == Completion => OneOf<CompletionShell>(),
        _ => "a value",
    };

    /// <summary>The values of a choice as its errors list them: <c>one of top, hot, new</c>.</summary>
    public static string OneOf<T>()
        where T : struct, Enum => $"one of {string.Join(", ", EnumNames.Of<T>())}";

    /// <summary>
    /// An option given more than once takes its last value, as in ripgrep and curl, so that a shell alias's default
    /// yields to the command line; the parsers read the last token. A repeatable option (<c>--domain</c>) keeps all.
    /// </summary>
    private void LetTheLastValueWin()
    {
        foreach (var option in Root.Options.Where(o => o.Arity.MinimumNumberOfValues == 1 && o.Arity.MaximumNumberOfValues == 1))
        {
            option.Arity = ArgumentArity.OneOrMore;
        }
    }
}

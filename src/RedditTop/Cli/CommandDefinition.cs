using System.CommandLine;
using RedditTop.Cli.Completion;

namespace RedditTop.Cli;

/// <summary>
/// The command line's definition: every argument and option, with its help, its parser and (where it has a fixed set
/// of values) its completions. <see cref="RedditTopCommand"/> runs it; the completion scripts are generated from it.
/// The options are declared by concern: the requests (<c>CommandDefinition.Request.cs</c>), the filters
/// (<c>CommandDefinition.Filters.cs</c>) and the output (<c>CommandDefinition.Output.cs</c>).
/// </summary>
internal sealed partial class CommandDefinition
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

        // -V, as ripgrep, curl and Python spell it (-v is --verbose).
        foreach (var version in Root.Options.OfType<VersionOption>())
        {
            version.Aliases.Add("-V");
        }

        CompletionAction.Install(this);
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

    /// <summary>A token that System.CommandLine would have taken for an option had it known one by that name.</summary>
    public static bool LooksLikeOption(string token) => token.Length > 1 && token.StartsWith('-');

    /// <summary>
    /// An option whose value is one of <typeparamref name="T"/>'s names, in any case: help lists them (in declaration
    /// order, not sorted), completion offers them, and any other value is an error naming them.
    /// </summary>
    private static Option<Choice<T>> ChoiceOption<T>(string name, string[] aliases, string description, T defaultValue)
        where T : struct, Enum
    {
        var option = new Option<Choice<T>>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => new(defaultValue),
            HelpName = string.Join('|', EnumNames.Of<T>()),
            CustomParser = result => new(ValueParsers.ParseChoice<T>(result, name)),
        };
        option.CompletionSources.Add([.. EnumNames.Of<T>()]);
        return option;
    }

    /// <summary><c>--completion SHELL</c>: its action prints the script (see <see cref="CompletionAction"/>).</summary>
    private static Option<CompletionShell> CompletionOption()
    {
        var option = new Option<CompletionShell>("--completion")
        {
            Description = "Print the completion script for bash, zsh or fish, and exit",
            HelpName = "shell",
            CustomParser = result => ValueParsers.ParseChoice<CompletionShell>(result, "--completion"),
        };

        // In place of the PascalCase names System.CommandLine offers for an enum.
        option.CompletionSources.Clear();
        option.CompletionSources.Add([.. EnumNames.Of<CompletionShell>()]);
        return option;
    }
}

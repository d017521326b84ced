using System.CommandLine;
using RedditTop.Cli.Completion;

namespace RedditTop.Cli;

/// <summary>
/// The command line's definition: every argument and option, with its help, its parser and (where it has a fixed set
/// of values) its completions. <see cref="RedditTopCommand"/> runs it; the completion scripts are generated from it.
/// The options are declared by concern: the requests (<c>CommandDefinition.Request.cs</c>), the filters
/// (<c>CommandDefinition.Filters.cs</c>) and the output (<c>CommandDefinition.Output.cs</c>); the help's groups and
/// words around them are in <c>CommandDefinition.Help.cs</c>.
/// </summary>
internal sealed partial class CommandDefinition
{
    public CommandDefinition()
    {
        Root = new RootCommand(Summary)
        {
            Subreddits, Limit, Sort, Time, BaseUrl, Insecure, Timeout, Retries, Deadline, Concurrency, Verbose, Format, Order, Color, NoHeader, Output,
            Watch, MarkNew, NewOnly, MinScore, NoNsfw, NoStickied, Domain, Flair, MaxAge, Site, UserAgent, NoConfig, Completion,
        };

        // Completion comes from the scripts of --completion. System.CommandLine's own [suggest] directive (for
        // dotnet-suggest) is not offered: it fails on some command lines ('[suggest] -vn -n5') with an exception.
        foreach (var suggest in Root.Directives.OfType<System.CommandLine.Completions.SuggestDirective>().ToList())
        {
            Root.Directives.Remove(suggest);
        }

        // -V, as ripgrep, curl and Python spell it (-v is --verbose).
        VersionOption.Aliases.Add("-V");
        VersionOption.Description = "print the version";

        // Help laid out by hand, in groups, the same at any terminal width (before the completion action wraps it).
        HelpOption.Description = "print this help";
        HelpOption.Action = new HelpTextAction(this);

        LetTheLastValueWin();
        CompletionAction.Install(this);
    }

    public RootCommand Root { get; }

    public Argument<SubredditSpec[]> Subreddits { get; } = new("subreddit[:count]")
    {
        Description = $"a subreddit and an optional post count ({SubredditSpec.MinCount}-{SubredditSpec.MaxCount})",
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

    public Option<bool> NoConfig { get; } = new("--no-config")
    {
        Description = "ignore the config file",
    };

    /// <summary>A token that System.CommandLine would have taken for an option had it known one by that name.</summary>
    public static bool LooksLikeOption(string token) => token.Length > 1 && token.StartsWith('-');

    /// <summary>
    /// An option whose value is one of <typeparamref name="T"/>'s names, in any case: completion offers them (in
    /// declaration order), and any other value is an error naming them. Help shows its value as <paramref name="helpName"/>.
    /// </summary>
    private static Option<Choice<T>> ChoiceOption<T>(string name, string[] aliases, string helpName, string description, T defaultValue)
        where T : struct, Enum
    {
        var option = new Option<Choice<T>>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => new(defaultValue),
            HelpName = helpName,
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
            Description = $"print the completion script for {Choices<CompletionShell>()}",
            HelpName = "shell",
            CustomParser = result => ValueParsers.ParseChoice<CompletionShell>(result, "--completion"),
        };

        // In place of the PascalCase names System.CommandLine offers for an enum.
        option.CompletionSources.Clear();
        option.CompletionSources.Add([.. EnumNames.Of<CompletionShell>()]);
        return option;
    }
}

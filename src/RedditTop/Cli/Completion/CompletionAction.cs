using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RedditTop.Run;

namespace RedditTop.Cli.Completion;

/// <summary>
/// The action of <c>--completion SHELL</c>: prints the script for the shell to the invocation's output and exits 0, as
/// <c>--version</c> prints the version; no subreddit is needed. A shell it knows wins over everything else on the
/// command line, <c>--help</c> and <c>--version</c> included, wherever they stand. Without one (<c>--completion</c>,
/// <c>--completion tcsh</c>) it ends nothing: a <c>--help</c> or <c>--version</c> given too answers, else the usage
/// errors are reported, its own with every other (exit 2).
/// </summary>
internal sealed class CompletionAction : AsynchronousCommandLineAction
{
    private readonly CommandDefinition _cli;

    private CompletionAction(CommandDefinition cli) => _cli = cli;

    /// <summary>Errors are judged in <see cref="InvokeAsync"/>, which needs every one when there is no shell.</summary>
    public override bool ClearsParseErrors => false;

    /// <summary>Sets the action on <see cref="CommandDefinition.Completion"/> and lets it win over <c>--help</c> and <c>--version</c>.</summary>
    public static void Install(CommandDefinition cli)
    {
        var completion = new CompletionAction(cli);
        cli.Completion.Action = completion;
        foreach (var option in cli.Root.Options.Where(o => o is HelpOption or VersionOption))
        {
            if (option.Action is { } action)
            {
                option.Action = new CompletionFirstAction(action, completion);
            }
        }
    }

    /// <summary>The shell named by the last <c>--completion</c> value, or null when there is none it knows.</summary>
    public CompletionShell? Shell(ParseResult parseResult) =>
        parseResult.GetResult(_cli.Completion) is { Tokens: [.., var last] } && EnumNames.TryParse<CompletionShell>(last.Value, out var shell)
            ? shell
            : null;

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (Shell(parseResult) is { } shell)
        {
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteAsync(CompletionScripts.Generate(shell, _cli.Root));
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }

        var other = parseResult.RootCommandResult.Children.OfType<OptionResult>().Select(r => r.Option.Action).OfType<CompletionFirstAction>().LastOrDefault();
        return other is not null
            ? await other.InvokeInnerAsync(parseResult, cancellationToken)
            : await UsageErrors.ReportAsync(parseResult.InvocationConfiguration.Error, UsageErrors.Collect(parseResult, _cli));
    }
}

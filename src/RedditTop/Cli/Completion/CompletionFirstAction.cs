using System.CommandLine;
using System.CommandLine.Invocation;

namespace RedditTop.Cli.Completion;

/// <summary>
/// The action of <c>--help</c> or <c>--version</c> on a command line that also has <c>--completion</c>: System.CommandLine
/// runs the last such option's action, so this one runs the completion action instead when it names a shell.
/// </summary>
internal sealed class CompletionFirstAction(CommandLineAction inner, CompletionAction completion) : AsynchronousCommandLineAction
{
    public override bool Terminating => inner.Terminating;

    public override bool ClearsParseErrors => inner.ClearsParseErrors;

    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        completion.Shell(parseResult) is null
            ? InvokeInnerAsync(parseResult, cancellationToken)
            : completion.InvokeAsync(parseResult, cancellationToken);

    /// <summary>Runs the option's own action: help or the version.</summary>
    public Task<int> InvokeInnerAsync(ParseResult parseResult, CancellationToken cancellationToken) => inner switch
    {
        SynchronousCommandLineAction action => Task.FromResult(action.Invoke(parseResult)),
        AsynchronousCommandLineAction action => action.InvokeAsync(parseResult, cancellationToken),
        _ => throw new InvalidOperationException($"An action of unknown kind: {inner.GetType().Name}."),
    };
}

using System.CommandLine;
using System.CommandLine.Invocation;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>
/// The action of <c>-h</c>, <c>-?</c> and <c>--help</c>: prints <see cref="HelpText"/> to the invocation's output and
/// exits 0, whatever else is on the command line (errors included), as System.CommandLine's own help action does.
/// </summary>
internal sealed class HelpTextAction(CommandDefinition cli) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(HelpText.Render(cli));
        return ExitCodes.Success;
    }
}

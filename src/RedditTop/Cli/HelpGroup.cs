using System.CommandLine;

namespace RedditTop.Cli;

/// <summary>One heading of <c>--help</c> and the arguments and options listed under it, in order.</summary>
internal sealed record HelpGroup(string Heading, IReadOnlyList<Symbol> Members);

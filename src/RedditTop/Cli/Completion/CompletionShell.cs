namespace RedditTop.Cli.Completion;

/// <summary>The shells <c>--completion</c> writes a script for; on the command line in lower case (<c>bash</c>).</summary>
internal enum CompletionShell
{
    Bash,
    Zsh,
    Fish,
}

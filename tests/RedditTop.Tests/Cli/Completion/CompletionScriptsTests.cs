using RedditTop.Cli;
using RedditTop.Cli.Completion;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>
/// The scripts' generator. What each script does is tested in its own shell: <see cref="BashCompletionTests"/>,
/// <see cref="ZshCompletionTests"/>, <see cref="FishCompletionTests"/>.
/// </summary>
public sealed class CompletionScriptsTests
{
    [Fact]
    public void Generate_UnknownShell_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompletionScripts.Generate((CompletionShell)99, new CommandDefinition().Root));

        Assert.Contains("bash, zsh, fish", error.Message, StringComparison.Ordinal);
    }
}

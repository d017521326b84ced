using System.CommandLine;

namespace RedditTop.Cli.Completion;

/// <summary>
/// Shell completion scripts for <c>reddittop</c> in bash, zsh and fish, generated from the command line's definition:
/// every option's names, description and kind of value come from the <see cref="RootCommand"/>, so an option added
/// there completes without touching a script.
/// </summary>
/// <remarks>
/// An option completes one of four ways. A flag (an option that may stand alone, such as <c>--verbose</c>) takes no
/// value. An option whose completion sources give a fixed set of values (<c>--sort top|hot|…</c>) completes those
/// values. An option whose value is a file or a directory (a <see cref="FileSystemInfo"/> value, or help name
/// <c>file</c>, <c>path</c>, <c>dir</c> or <c>directory</c>, as <c>--output &lt;file&gt;</c>) completes file or directory
/// names. Any other value (a number, a URL) completes nothing, and never an option name. Positional arguments (the
/// subreddits) complete nothing. Each shell's script is written by its own class: <see cref="BashCompletion"/>,
/// <see cref="ZshCompletion"/>, <see cref="FishCompletion"/>.
/// </remarks>
internal static class CompletionScripts
{
    /// <summary>The command the scripts complete.</summary>
    public const string CommandName = "reddittop";

    /// <summary>The completion script for <paramref name="shell"/>.</summary>
    public static string Generate(CompletionShell shell, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);

        var options = root.Options.Where(o => !o.Hidden).Select(OptionInfo.Describe).Where(o => o.Names.Count > 0).ToList();
        var arguments = root.Arguments.Where(a => !a.Hidden).ToList();
        return shell switch
        {
            CompletionShell.Bash => BashCompletion.Generate(options),
            CompletionShell.Zsh => ZshCompletion.Generate(options, arguments),
            CompletionShell.Fish => FishCompletion.Generate(options),
            _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, $"Not one of {string.Join(", ", EnumNames.Of<CompletionShell>())}."),
        };
    }
}

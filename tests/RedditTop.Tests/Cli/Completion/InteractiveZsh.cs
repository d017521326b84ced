using System.CommandLine;
using RedditTop.Cli.Completion;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>
/// A real interactive zsh with reddittop's completion installed as the README says (<c>~/.zfunc/_reddittop</c>, that
/// folder put in <c>fpath</c> before <c>compinit</c> in <c>~/.zshrc</c>), driven on a pseudo-terminal through zsh's own
/// <c>zpty</c>: keys are typed into its line editor, and what they leave on the line is read back, with every word
/// completion offered (<c>compadd</c>, wrapped), what each was shown with, and the messages. One per test class: the
/// first shell makes compinit's dump file, which spares every later one seconds.
/// </summary>
public sealed class InteractiveZsh : IDisposable
{
    /// <summary>The install recipe, as a user's <c>~/.zshrc</c> has it.</summary>
    internal const string Recipe = """
        fpath=(~/.zfunc $fpath)
        autoload -Uz compinit
        compinit

        """;

    /// <summary>What the tests read, after the recipe in <c>~/.zshrc</c>.</summary>
    private const string Probe = """
        # The other way the script says it can be installed: sourced after compinit.
        [[ -r ~/sourced.zsh ]] && source ~/sourced.zsh

        # Ctrl-T prints the line being edited between markers.
        reddittop-probe-line() { print -rn -- "<line>$BUFFER</line>" }
        zle -N reddittop-probe-line
        bindkey '^T' reddittop-probe-line

        # Long lists are shown without asking first, so no question takes the keys typed next.
        LISTMAX=10000

        # Messages are shown, as their description (%d) alone.
        zstyle ':completion:*' format '%d'

        # Every word completion offers goes to ~/offered, the display strings it is shown with to ~/shown, and each
        # message to ~/messages. Calls with -O, -A or -D only filter words for the caller (_describe and _path_files
        # make them); they add nothing.
        compadd() {
            if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
                builtin compadd "$@"
                return
            fi
            local -a __offered
            builtin compadd -O __offered "$@"
            (( $#__offered == 0 )) || print -rl -- $__offered >> ~/offered
            local __shown=${@[${@[(i)-d]}+1]}
            [[ $__shown == [[:alpha:]_]* ]] && print -rl -- "${(@P)__shown}" >> ~/shown
            local __message=${@[${@[(i)-x]}+1]}
            [[ -z $__message ]] || print -r -- $__message >> ~/messages
            builtin compadd "$@"
        }

        PS1='<ready>'

        """;

    /// <summary>
    /// Starts <c>zsh -i</c> on a pseudo-terminal, waits for its prompt, types <c>$1</c> and Ctrl-T, and prints the line
    /// between the markers. A shell that ends or hangs first is reported with what its terminal showed.
    /// </summary>
    private const string Driver = """
        zmodload zsh/zpty zsh/zselect || exit 3
        zpty -b shell 'exec zsh -i'
        fd=$REPLY
        seen=''
        await() {
            local chunk
            while true; do
                while zpty -r -t shell chunk; do seen+=$chunk; done
                [[ $seen == *$1* ]] && return
                zpty -t shell || { print -ru2 -- "zsh ended before it showed $1; its terminal showed: ${(V)seen}"; exit 1 }
                (( SECONDS < 50 )) || { print -ru2 -- "zsh did not show $1 within 50 s; its terminal showed: ${(V)seen}"; exit 1 }
                zselect -t 50 -r $fd
            done
        }
        start='<line>' end='</line>'
        await '<ready>'
        zpty -w -n shell "$1"$'\C-t'
        await $end
        seen=${seen#*$start}
        print -rn -- ${seen%%$end*}
        zpty -d shell
        """;

    private readonly ShellHome _shell = new();
    private readonly string _driver;

    public InteractiveZsh()
    {
        // Without /etc/zsh/zshrc and the like: some distributions run compinit there.
        File.WriteAllText(Path.Combine(_shell.Home, ".zshenv"), "unsetopt GLOBAL_RCS\n");
        File.WriteAllText(Path.Combine(_shell.Home, ".zshrc"), Recipe + Probe);
        _driver = Path.Combine(_shell.Home, "type.zsh");
        File.WriteAllText(_driver, Driver);
    }

    /// <summary>The folder <c>fpath</c> starts with.</summary>
    internal string Functions => Path.Combine(_shell.Home, ".zfunc");

    private string Sourced => Path.Combine(_shell.Home, "sourced.zsh");

    public void Dispose() => _shell.Dispose();

    /// <summary>Writes the completion script for <paramref name="root"/> where the recipe puts it, and sources no other.</summary>
    internal void Install(RootCommand root)
    {
        File.Delete(Sourced);
        var script = Path.Combine(Directory.CreateDirectory(Functions, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName, "_reddittop");
        File.WriteAllText(script, CompletionScripts.Generate(CompletionShell.Zsh, root));

        // compinit asks before it reads a function file that others may write.
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>Has <c>~/.zshrc</c> source the completion script for <paramref name="root"/> after compinit.</summary>
    internal void Source(RootCommand root) => File.WriteAllText(Sourced, CompletionScripts.Generate(CompletionShell.Zsh, root));

    /// <summary>Runs <paramref name="command"/> in <c>zsh -f</c> (no rc files) in the same home, with reddittop on the PATH.</summary>
    internal async Task RunAsync(string command)
    {
        var (exitCode, _, stderr) = await _shell.RunAsync("zsh", ["-f", "-c", command], _shell.Home);
        Assert.True(exitCode == 0, $"zsh -c '{command}' exited with {exitCode}: {stderr}");
    }

    /// <summary>Types <paramref name="keys"/> into a new interactive zsh started in <paramref name="workingDirectory"/>.</summary>
    internal async Task<ZshLine> TypeAsync(string keys, string workingDirectory)
    {
        var offered = Path.Combine(_shell.Home, "offered");
        var shown = Path.Combine(_shell.Home, "shown");
        var messages = Path.Combine(_shell.Home, "messages");
        File.Delete(offered);
        File.Delete(shown);
        File.Delete(messages);

        var (exitCode, stdout, stderr) = await _shell.RunAsync("zsh", ["-f", _driver, keys], workingDirectory);

        Assert.True(exitCode == 0, $"typing {keys} into zsh failed ({exitCode}): {stderr}");
        return new ZshLine(stdout, Lines(offered), Lines(shown), Lines(messages));
    }

    /// <summary>Each line once: <c>_files</c> may add the same name in two calls.</summary>
    private static string[] Lines(string path) => File.Exists(path) ? [.. File.ReadAllLines(path).Distinct(StringComparer.Ordinal)] : [];
}

/// <summary>
/// What typing into zsh left: the line, the words completion offered (each once), the strings they were shown as, and
/// the messages shown.
/// </summary>
internal sealed record ZshLine(string Line, IReadOnlyList<string> Offered, IReadOnlyList<string> Shown, IReadOnlyList<string> Messages);

using System.CommandLine.Completions;
using System.CommandLine;
using System.Text;

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
/// subreddits) complete nothing.
/// </remarks>
internal static class CompletionScripts
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish"];

    private const string CommandName = "reddittop";

    /// <summary>The completion script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string Generate(string shell, RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(shell);
        ArgumentNullException.ThrowIfNull(root);

        var options = root.Options.Where(o => !o.Hidden).Select(Describe).Where(o => o.Names.Count > 0).ToList();
        var arguments = root.Arguments.Where(a => !a.Hidden).ToList();
        return shell switch
        {
            "bash" => Bash(options),
            "zsh" => Zsh(options, arguments),
            "fish" => Fish(options),
            _ => throw new ArgumentException($"'{shell}' is not one of {string.Join(", ", Shells)}", nameof(shell)),
        };
    }

    private enum ValueKind
    {
        /// <summary>A flag: the option stands alone.</summary>
        None,

        /// <summary>One of <see cref="OptionInfo.Values"/>.</summary>
        Choice,

        /// <summary>A file name.</summary>
        File,

        /// <summary>A directory name.</summary>
        Directory,

        /// <summary>A value nobody can list (a number, a URL): nothing is completed.</summary>
        Other,
    }

    private sealed record OptionInfo(IReadOnlyList<string> Names, string Description, ValueKind Kind, IReadOnlyList<string> Values, string ValueName);

    private static OptionInfo Describe(Option option)
    {
        // Names as typed on the command line; System.CommandLine's help option also answers to /h and /?, which no
        // shell offers as options.
        var names = new[] { option.Name }.Concat(option.Aliases).Where(n => n.Length > 1 && n[0] == '-').Distinct(StringComparer.Ordinal).ToList();
        var description = OneLine(option.Description ?? "");
        var valueName = OneLine(string.IsNullOrEmpty(option.HelpName) ? option.Name.TrimStart('-') : option.HelpName);

        if (option.Arity.MinimumNumberOfValues == 0)
        {
            return new OptionInfo(names, description, ValueKind.None, [], valueName);
        }

        // Each completion source asked with no command line around it: a fixed set answers the same every time.
        // Option.GetCompletions(CompletionContext.Empty) gives the same values sorted by label; the sources keep the
        // order the option declares them in.
        var values = option.CompletionSources
            .SelectMany(source => source(CompletionContext.Empty))
            .Select(item => OneLine(item.InsertText ?? item.Label))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (values.Count > 0)
        {
            return new OptionInfo(names, description, ValueKind.Choice, values, option.Name.TrimStart('-'));
        }

        var kind = option.ValueType switch
        {
            var t when typeof(DirectoryInfo).IsAssignableFrom(t) => ValueKind.Directory,
            var t when typeof(FileSystemInfo).IsAssignableFrom(t) => ValueKind.File,
            _ when string.Equals(option.HelpName, "file", StringComparison.OrdinalIgnoreCase)
                || string.Equals(option.HelpName, "path", StringComparison.OrdinalIgnoreCase) => ValueKind.File,
            _ when string.Equals(option.HelpName, "directory", StringComparison.OrdinalIgnoreCase)
                || string.Equals(option.HelpName, "dir", StringComparison.OrdinalIgnoreCase) => ValueKind.Directory,
            _ => ValueKind.Other,
        };
        return new OptionInfo(names, description, kind, [], valueName);
    }

    // bash ---------------------------------------------------------------------------------------------------------

    private static string Bash(IReadOnlyList<OptionInfo> options)
    {
        var script = new StringBuilder();
        script.Append($$"""
            # bash completion for {{CommandName}}, generated from its command line.
            # Source this file (from ~/.bashrc, say), or install it as
            # ~/.local/share/bash-completion/completions/{{CommandName}}.

            # _{{CommandName}}_reply PREFIX CUR WORD...: the WORDs that start with CUR, quoted for the command line,
            # each after PREFIX.
            _{{CommandName}}_reply()
            {
                local prefix=$1 cur=$2 word quoted
                shift 2
                for word; do
                    printf -v quoted '%q' "$word"
                    [[ $quoted == "$cur"* ]] && COMPREPLY+=("$prefix$quoted")
                done
            }

            # _{{CommandName}}_files PREFIX CUR [-d]: file names (directory names with -d) that start with CUR.
            _{{CommandName}}_files()
            {
                local prefix=$1 cur=$2 line
                compopt -o filenames 2>/dev/null
                while IFS= read -r line; do
                    COMPREPLY+=("$prefix$line")
                done < <(compgen ${3:--f} -- "$cur")
            }

            _{{CommandName}}()
            {
                COMPREPLY=()
                local cur=${COMP_WORDS[COMP_CWORD]} prev='' prefix=''
                (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}

                # --option=value: bash usually splits the word at '=' (COMP_WORDBREAKS), else it arrives whole.
                if [[ $cur == '=' ]]; then
                    cur=''
                elif [[ $prev == '=' ]] && (( COMP_CWORD > 1 )); then
                    prev=${COMP_WORDS[COMP_CWORD-2]}
                elif [[ $cur == --*=* ]]; then
                    prev=${cur%%=*}
                    prefix=$prev=
                    cur=${cur#*=}
                fi

                case $prev in

            """);

        foreach (var option in options.Where(o => o.Kind == ValueKind.Choice))
        {
            script.Append($"        {BashPattern(option.Names)})\n");
            script.Append($"            _{CommandName}_reply \"$prefix\" \"$cur\" {string.Join(' ', option.Values.Select(BashQuote))}\n");
            script.Append("            return\n");
            script.Append("            ;;\n");
        }

        AppendBashArm(ValueKind.File, $"_{CommandName}_files \"$prefix\" \"$cur\"");
        AppendBashArm(ValueKind.Directory, $"_{CommandName}_files \"$prefix\" \"$cur\" -d");
        AppendBashArm(ValueKind.Other, "# A value nobody can list: nothing to offer.");

        var names = options.SelectMany(o => o.Names).Select(BashQuote);
        script.Append($$"""
                esac

                if [[ $cur == -* ]]; then
                    _{{CommandName}}_reply '' "$cur" {{string.Join(' ', names)}}
                fi
            }

            complete -F _{{CommandName}} {{CommandName}}

            """);
        return script.ToString();

        void AppendBashArm(ValueKind kind, string command)
        {
            var matching = options.Where(o => o.Kind == kind).SelectMany(o => o.Names).ToList();
            if (matching.Count == 0)
            {
                return;
            }

            script.Append($"        {BashPattern(matching)})\n");
            script.Append($"            {command}\n");
            script.Append("            return\n");
            script.Append("            ;;\n");
        }
    }

    private static string BashPattern(IEnumerable<string> names) => string.Join('|', names.Select(BashQuote));

    /// <summary>A single-quoted bash word: nothing inside is expanded.</summary>
    private static string BashQuote(string text) => "'" + ReplaceChar(text, '\'', @"'\''") + "'";

    // zsh ----------------------------------------------------------------------------------------------------------

    private static string Zsh(IReadOnlyList<OptionInfo> options, IReadOnlyList<Argument> arguments)
    {
        var script = new StringBuilder();
        script.Append($$"""
            #compdef {{CommandName}}

            # zsh completion for {{CommandName}}, generated from its command line.
            # Install it as _{{CommandName}} in a directory of $fpath, or source it.

            _{{CommandName}}() {
                _arguments -s -S \

            """);

        foreach (var option in options)
        {
            var exclusions = "(" + string.Join(' ', option.Names.Select(ZshEscapeName)) + ")";
            var description = "[" + ZshEscapeDescription(option.Description) + "]";
            foreach (var name in option.Names)
            {
                var spec = option.Kind switch
                {
                    ValueKind.None => $"{exclusions}{ZshEscapeName(name)}{description}",

                    // --name= takes the value as the next word or after '='; a short name, the next word.
                    _ => $"{exclusions}{ZshEscapeName(name)}{(name.StartsWith("--", StringComparison.Ordinal) ? "=" : "")}{description}"
                        + $":{ZshEscapeMessage(option.ValueName)}:{ZshAction(option)}",
                };
                script.Append($"        {ZshQuote(spec)} \\\n");
            }
        }

        foreach (var argument in arguments)
        {
            var repeat = argument.Arity.MaximumNumberOfValues > 1 ? "*" : "";
            var optional = argument.Arity.MinimumNumberOfValues == 0 && repeat.Length == 0 ? ":" : "";
            script.Append($"        {ZshQuote($"{repeat}{optional}:{ZshEscapeMessage(argument.Name)}: ")} \\\n");
        }

        script.Append($$"""
                    && return 0
                return 1
            }

            if [[ $funcstack[1] == _{{CommandName}} ]]; then
                _{{CommandName}} "$@"
            else
                compdef _{{CommandName}} {{CommandName}}
            fi

            """);
        return script.ToString();
    }

    private static string ZshAction(OptionInfo option) => option.Kind switch
    {
        ValueKind.Choice => "(" + string.Join(' ', option.Values.Select(ZshEscapeValue)) + ")",
        ValueKind.File => "_files",
        ValueKind.Directory => "_files -/",
        _ => " ", // a value, but nothing to offer: zsh shows the message alone
    };

    /// <summary>
    /// An option's explanation inside <c>[…]</c>: _arguments ends it at an unescaped <c>]</c> and later removes the
    /// backslash before any character, so <c>\</c>, <c>[</c>, <c>]</c> and <c>:</c> are escaped. It is never
    /// evaluated, so <c>$</c> and backquotes stay as they are.
    /// </summary>
    private static string ZshEscapeDescription(string text) => BackslashBefore(text, static c => c is '\\' or '[' or ']' or ':');

    /// <summary>
    /// A message (<c>:message:action</c>): _arguments removes only the backslash before <c>:</c>, and zsh shows the
    /// message with prompt escapes, so <c>%</c> is doubled; a backslash is doubled so none escapes the closing colon.
    /// </summary>
    private static string ZshEscapeMessage(string text) =>
        ReplaceChar(BackslashBefore(text, static c => c is '\\' or ':'), '%', "%%");

    /// <summary>
    /// A value of a <c>(a b c)</c> action: _arguments evaluates the list as shell words, so every character but
    /// letters, digits and a few inert ones is backslash-escaped (a colon's backslash also keeps the action whole).
    /// </summary>
    private static string ZshEscapeValue(string text) => BackslashBefore(text, static c => !IsInert(c));

    /// <summary>An option name in a spec or an exclusion list: a colon would end it.</summary>
    private static string ZshEscapeName(string name) => BackslashBefore(name, static c => c is ':' or '\\');

    /// <summary>A single-quoted zsh word: nothing inside is expanded.</summary>
    private static string ZshQuote(string text) => "'" + ReplaceChar(text, '\'', @"'\''") + "'";

    // fish ---------------------------------------------------------------------------------------------------------

    private static string Fish(IReadOnlyList<OptionInfo> options)
    {
        var script = new StringBuilder();
        script.Append($"""
            # fish completion for {CommandName}, generated from its command line.
            # Install it as ~/.config/fish/completions/{CommandName}.fish.

            # Subreddit names are not files.
            complete -c {CommandName} -f

            """);

        foreach (var option in options)
        {
            var line = new StringBuilder($"complete -c {CommandName}");
            foreach (var name in option.Names)
            {
                line.Append(name switch
                {
                    _ when name.StartsWith("--", StringComparison.Ordinal) => " -l " + FishWord(name[2..]),
                    _ when name.Length == 2 => " -s " + FishWord(name[1..]),
                    _ => " -o " + FishWord(name[1..]), // old style: -name
                });
            }

            line.Append(option.Kind switch
            {
                ValueKind.None => "",
                ValueKind.Choice => " -x -a " + FishQuote(string.Join(' ', option.Values.Select(FishWord))),
                ValueKind.File => " -r -F",
                ValueKind.Directory => " -x -a '(__fish_complete_directories)'",
                _ => " -x",
            });
            if (option.Description.Length > 0)
            {
                line.Append(" -d ").Append(FishQuote(option.Description));
            }

            script.Append(line).Append('\n');
        }

        return script.ToString();
    }

    /// <summary>One fish word: as it is when inert, else single-quoted.</summary>
    private static string FishWord(string text) => text.All(IsInert) ? text : FishQuote(text);

    /// <summary>
    /// A single-quoted fish string: only <c>\\</c> and <c>\'</c> are special inside. The argument list of <c>-a</c>
    /// is expanded again when completing, which is why each value in it is a <see cref="FishWord"/> first.
    /// </summary>
    private static string FishQuote(string text) => "'" + BackslashBefore(text, static c => c is '\\' or '\'') + "'";

    // shared -------------------------------------------------------------------------------------------------------

    /// <summary>Characters no shell treats specially anywhere in a word (zsh expands a leading <c>=</c>, fish a leading <c>%</c>).</summary>
    private static bool IsInert(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ',' or '+' or '/' or '@';

    /// <summary>Whitespace and control characters (a line break would end a script's line) as single spaces.</summary>
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsWhiteSpace(c) || char.IsControl(c);
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd(' ');
    }

    private static string BackslashBefore(string text, Func<char, bool> special)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (special(c))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string ReplaceChar(string text, char c, string replacement)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch == c)
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}

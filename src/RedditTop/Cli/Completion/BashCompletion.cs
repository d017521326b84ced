using System.Text;

using static RedditTop.Cli.Completion.ShellQuoting;

namespace RedditTop.Cli.Completion;

/// <summary>The bash completion script: a function that completes option names, and the values of options that have a fixed set.</summary>
internal static class BashCompletion
{
    private const string CommandName = CompletionScripts.CommandName;

    public static string Generate(IReadOnlyList<OptionInfo> options)
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
}

using System.CommandLine;
using System.Text;

using static RedditTop.Cli.Completion.ShellQuoting;

namespace RedditTop.Cli.Completion;

/// <summary>The zsh completion script: one <c>_arguments</c> spec per option name, with its description and values.</summary>
internal static class ZshCompletion
{
    private const string CommandName = CompletionScripts.CommandName;

    public static string Generate(IReadOnlyList<OptionInfo> options, IReadOnlyList<Argument> arguments)
    {
        var script = new StringBuilder();
        script.Append($$"""
            #compdef {{CommandName}}

            # zsh completion for {{CommandName}}, generated from its command line.
            # Install it as _{{CommandName}} in a folder of $fpath, say ~/.zfunc:
            #     mkdir -p ~/.zfunc && {{CommandName}} --completion zsh > ~/.zfunc/_{{CommandName}}
            # with this line in ~/.zshrc before compinit runs:
            #     fpath=(~/.zfunc $fpath)
            # Or source it after compinit.

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
            script.Append($"        {ZshQuote($"{repeat}{optional}:{ZshEscapeMessage(argument.Name)}:{ZshArgumentAction(argument.Name)}")} \\\n");
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

    /// <summary>
    /// A positional argument (a subreddit) completes nothing, and shows its name as a hint (when the user's zstyle asks
    /// for messages) unless the word starts with '-'. There the hint would stand beside the option names, and zsh never
    /// inserts a match that has a message beside it: <c>reddittop --so&lt;Tab&gt;</c> would only list <c>--sort</c>. The
    /// spec itself must stay, or no option is completed after a subreddit.
    /// </summary>
    private static string ZshArgumentAction(string name) =>
        $"{{[[ $PREFIX == -* ]] || _message -e arguments {ZshQuote(ReplaceChar(name, '%', "%%"))}}}";

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
}

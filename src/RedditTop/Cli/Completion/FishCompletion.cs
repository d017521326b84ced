using System.Text;

using static RedditTop.Cli.Completion.ShellQuoting;

namespace RedditTop.Cli.Completion;

/// <summary>The fish completion script: one <c>complete</c> line per option, with its description and values.</summary>
internal static class FishCompletion
{
    private const string CommandName = CompletionScripts.CommandName;

    public static string Generate(IReadOnlyList<OptionInfo> options)
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
}

using System.Diagnostics.CodeAnalysis;
using RedditTop.Storage;

namespace RedditTop.Cli;

/// <summary>
/// The config file, read the way ripgrep reads its own: one argument per line, each line trimmed, blank lines and lines
/// starting with <c>#</c> left out; and, unlike ripgrep, an option and its value may share a line (<c>--limit 5</c>). Its arguments go before the command line's, so the command line wins (an option
/// given twice takes its last value). It is <c>$REDDITTOP_CONFIG_PATH</c> when that is set, else
/// <c>$XDG_CONFIG_HOME/reddittop/config</c>, else <c>~/.config/reddittop/config</c>; the default file may be absent, a
/// file the variable names may not.
/// </summary>
internal sealed class ConfigFile
{
    public const string PathVariable = "REDDITTOP_CONFIG_PATH";

    private ConfigFile(string path, IReadOnlyList<string> arguments, IReadOnlyList<int> lineNumbers)
    {
        Path = path;
        Arguments = arguments;
        LineNumbers = lineNumbers;
    }

    /// <summary>Where the file was read from, as named (the variable's value, or the default path).</summary>
    public string Path { get; }

    /// <summary>The arguments, in the file's order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The line (from 1) each of <see cref="Arguments"/> stands on.</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    /// <summary>The path the config file is looked for at, and whether the user named it (the variable); null with neither a variable nor a home.</summary>
    public static (string Path, bool Named)? Locate(Func<string, string?> getVariable) =>
        getVariable(PathVariable) is { Length: > 0 } named ? (named, true)
        : XdgDirectories.Config(getVariable) is { } folder ? (System.IO.Path.Combine(folder, "config"), false)
        : null;

    /// <summary>
    /// The config file in use: null when there is none (no home, or no file at the default path). False with the usage
    /// error when it cannot be read, or a line is an argument the file cannot hold.
    /// </summary>
    public static bool TryRead(Func<string, string?> getVariable, out ConfigFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        error = null;
        if (Locate(getVariable) is not var (path, named))
        {
            return true;
        }

        string? text;
        try
        {
            text = SettingsFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"config file '{path}': {FileProblems.Words(e)}";
            return false;
        }

        if (text is null)
        {
            error = named ? $"config file '{path}': no such file (named by {PathVariable})" : null;
            return !named;
        }

        return TryParse(path, text, out file, out error);
    }

    /// <summary>The arguments of <paramref name="text"/>, the content of the file at <paramref name="path"/>.</summary>
    public static bool TryParse(string path, string text, [NotNullWhen(true)] out ConfigFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        error = null;
        var arguments = new List<string>();
        var lineNumbers = new List<int>();
        foreach (var (number, argument) in ResponseFiles.ArgumentLines(text))
        {
            // '--' would make every option of the command line a subreddit; '@FILE' would bring in lines this file cannot point at.
            var problem = argument == "--" ? "'--' is not allowed here"
                : argument[0] == '@' ? "response files (@FILE) are not read from the config file"
                : null;
            if (problem is not null)
            {
                error = At(path, number, problem);
                return false;
            }

            // '--limit 5' on one line is the option and its value, as it reads; '--limit=5' or two lines say the same.
            var space = argument[0] == '-' ? argument.AsSpan().IndexOfAny(' ', '\t') : -1;
            if (space > 0 && !argument.AsSpan(0, space).Contains('='))
            {
                arguments.AddRange([argument[..space], argument[(space + 1)..].Trim()]);
                lineNumbers.AddRange([number, number]);
            }
            else
            {
                arguments.Add(argument);
                lineNumbers.Add(number);
            }
        }

        file = new ConfigFile(path, arguments, lineNumbers);
        return true;
    }

    /// <summary>A usage error about a line of the file: <c>config file '~/.config/reddittop/config' line 3: ...</c>.</summary>
    public static string At(string path, int line, string message) => $"config file '{path}' line {line}: {message}";

    /// <summary>
    /// The sentence of <c>--help</c> about the config file: where it is looked for, and whether this run reads it
    /// (<paramref name="file"/>, or null), or ignores it (<paramref name="ignored"/>: <c>--no-config</c>).
    /// </summary>
    public static string Describe(Func<string, string?> getVariable, ConfigFile? file, bool ignored) =>
        Locate(getVariable) is not var (path, _) ? $"Config file: none, as neither {PathVariable} nor HOME is set."
        : ignored ? $"Config file: {path}, ignored (--no-config)."
        : file is not null ? $"Config file: {path}, read: its arguments, one per line, come before the command line's."
        : $"Config file: {path}, none there; arguments in it, one per line, would come before the command line's.";

    /// <summary>The arguments of the run's command line whether or not the user asked for <c>--no-config</c> before any <c>--</c>.</summary>
    public static bool IsIgnored(IEnumerable<string> commandLine) =>
        commandLine.TakeWhile(a => a != "--").Any(a => a == "--no-config");
}

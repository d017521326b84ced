using System.CommandLine.Parsing;
using RedditTop.Storage;

namespace RedditTop.Cli;

/// <summary>
/// <c>@FILE</c> arguments (response files), read as System.CommandLine reads them (its default
/// <c>ResponseFileTokenReplacer</c>): line by line, each line trimmed, blank lines and lines starting with <c>#</c>
/// left out, the rest split into words as a command line is (<see cref="CommandLineParser.SplitCommandLine"/>: spaces
/// separate, double quotes group), and a word <c>@OTHER</c> replaced by the words of that file in turn. Unlike
/// System.CommandLine's, this reader stops at <see cref="MaxBytes"/> in all, so <c>@/dev/zero</c> or an endless pipe is
/// a usage error, not the end of the memory; a pipe (<c>@&lt;(printf 'python\n')</c>) is read as it comes. A file that
/// cannot be read is a usage error naming it and why. One instance serves one command line.
/// </summary>
internal sealed class ResponseFiles
{
    /// <summary>What the response files of one command line may hold in all: a million bytes of arguments is far more than anyone types.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>How deep response files may name response files: deeper is a file that names itself, directly or not.</summary>
    public const int MaxDepth = 10;

    private int _left = MaxBytes;

    /// <summary>
    /// System.CommandLine's <see cref="TryReplaceToken"/>: the words of the response file <paramref name="path"/> (the
    /// argument without its <c>@</c>), or false and one message, <c>@PATH: reason</c>.
    /// </summary>
    public bool TryReplace(string path, out IReadOnlyList<string>? tokens, out string? error)
    {
        var words = new List<string>();
        error = Expand(path, words, depth: 1);
        tokens = error is null ? words : null;
        return error is null;
    }

    private string? Expand(string path, List<string> words, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"@{path}: response files nested more than {MaxDepth} deep";
        }

        string text;
        try
        {
            text = Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"@{path}: {Reason(e, path)}";
        }

        foreach (var (_, arg) in ArgumentLines(text))
        {
            foreach (var word in CommandLineParser.SplitCommandLine(arg))
            {
                if (word.Length > 1 && word[0] == '@')
                {
                    if (Expand(word[1..], words, depth + 1) is { } error)
                    {
                        return error;
                    }
                }
                else
                {
                    words.Add(word);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> that hold arguments, each trimmed and with its number (from 1): blank lines
    /// and lines starting with <c>#</c> are left out. Response files and the config file are read this way.
    /// </summary>
    public static IEnumerable<(int Number, string Text)> ArgumentLines(string text)
    {
        var number = 0;
        using var lines = new StringReader(text);
        while (lines.ReadLine() is { } line)
        {
            number++;
            var argument = line.Trim();
            if (argument.Length > 0 && argument[0] != '#')
            {
                yield return (number, argument);
            }
        }
    }

    /// <summary>The text of <paramref name="path"/>, decoded as <c>File.ReadAllLines</c> decodes it (UTF-8 unless a byte order mark says otherwise), reading no more than is left of <see cref="MaxBytes"/>.</summary>
    private string Read(string path)
    {
        var first = _left == MaxBytes;
        byte[] content;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            content = BoundedRead.ReadAll(stream, _left) ?? throw new IOException(first
                ? $"the file is larger than {ByteSize.Format(MaxBytes)}"
                : $"the response files are larger than {ByteSize.Format(MaxBytes)} in all");
        }

        _left -= content.Length;
        return BoundedRead.Text(content);
    }

    private static string Reason(Exception e, string path) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException when Directory.Exists(path) => "it is a folder",
        UnauthorizedAccessException => "permission denied",
        ArgumentException or NotSupportedException => "not a file name",
        _ => e.Message,
    };
}

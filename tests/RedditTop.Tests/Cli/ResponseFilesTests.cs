using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Run;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli;

/// <summary>
/// <c>@FILE</c> arguments: the same words as System.CommandLine's own reader finds, but never more than
/// <see cref="ResponseFiles.MaxBytes"/> read, and a usage error naming the file for one that cannot be read.
/// </summary>
public sealed class ResponseFilesTests : IDisposable
{
    /// <summary>Only for a read that would otherwise wait for ever: the test fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, byte[]> TrickyFiles = new()
    {
        ["one word a line"] = Utf8("python:3\nrust\n"),
        ["several words a line"] = Utf8("-n 5 python rust:2\n--sort   hot\tgolang\n"),
        ["comments and blank lines"] = Utf8("# a comment\n\npython:3\n   # an indented comment\n\t\n \nrust\n#\n"),
        ["hash after a word"] = Utf8("python # not a comment\n"),
        ["double quotes"] = Utf8("--flair \"Show and tell\" a\"b c\"d \"\" \"x\"\"y\" end\n"),
        ["unbalanced quote"] = Utf8("\"python rust\n\"golang\nnim\"\n"),
        ["backslashes"] = Utf8("a\\ b \\\"c\\\" C:\\dir\\ \n"),
        ["crlf"] = Utf8("python\r\nrust\r\n-n\r\n3"),
        ["cr alone"] = Utf8("python\rrust\r\rgolang"),
        ["no newline at the end"] = Utf8("python"),
        ["empty"] = [],
        ["only newlines"] = Utf8("\n\n\r\n"),
        ["utf-8 byte order mark"] = [0xEF, 0xBB, 0xBF, .. Utf8("python\n# c\nrust")],
        ["utf-16 byte order mark"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("python rust\n\"a b\"\n")],
        ["invalid utf-8"] = [.. Utf8("py"), 0xC3, 0x28, .. Utf8("thon \u00e9t\u00e9\n"), 0xFF],
        ["unicode spaces"] = Utf8("\u00A0python\u2003rust\u00A0\n\u3000# not a comment after a wide space?\n"),
        ["lone at sign and double dash"] = Utf8("@\n-- -python\n--\n"),
        ["escape sequences"] = Utf8("\u001b[2J\u001b]0;title\u0007 python\n"),
        ["nested"] = Utf8("python\n@{inner} rust\n  @{inner}\n"),
    };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-rsp-");

    public void Dispose() => _root.Delete(recursive: true);

    public static TheoryData<string> TrickyFileNames => [.. TrickyFiles.Keys];

    [Theory]
    [MemberData(nameof(TrickyFileNames))]
    public void TryReplace_TrickyFile_TheSameWordsAsSystemCommandLine(string name)
    {
        var inner = Write("inner.rsp", Utf8("-t week \"in ner\"\n# inner comment\n"));
        var bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(TrickyFiles[name]).Replace("{inner}", inner, StringComparison.Ordinal));
        var path = Write("tricky.rsp", name == "nested" ? bytes : TrickyFiles[name]);
        var systemCommandLine = new ParserConfiguration().ResponseFileTokenReplacer!;

        Assert.True(systemCommandLine(path, out var expected, out var expectedError), expectedError);
        var ok = new ResponseFiles().TryReplace(path, out var tokens, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void TryReplace_FileOfTheCap_Read()
    {
        var path = Write("big.rsp", Utf8(new string('x', ResponseFiles.MaxBytes - 1) + "\n"));

        Assert.True(new ResponseFiles().TryReplace(path, out var tokens, out _));

        Assert.Equal(ResponseFiles.MaxBytes - 1, Assert.Single(tokens!).Length);
    }

    [Fact]
    public void TryReplace_FileOneByteOverTheCap_UsageErrorNamingIt()
    {
        var path = Write("big.rsp", Utf8(new string('x', ResponseFiles.MaxBytes) + "\n"));

        Assert.False(new ResponseFiles().TryReplace(path, out var tokens, out var error));

        Assert.Null(tokens);
        Assert.Equal($"@{path}: the file is larger than 1 MiB", error);
    }

    [Fact]
    public void TryReplace_DevZero_StopsAtTheCap()
    {
        Assert.False(new ResponseFiles().TryReplace("/dev/zero", out _, out var error));

        Assert.Equal("@/dev/zero: the file is larger than 1 MiB", error);
    }

    [Fact]
    public void TryReplace_NestedFilesOverTheCapInAll_UsageError()
    {
        var inner = Write("inner.rsp", Utf8(string.Concat(Enumerable.Repeat("x\n", ResponseFiles.MaxBytes / 2 / 2 + 1))));
        var outer = Write("outer.rsp", Utf8($"@{inner}\n@{inner}\n"));

        Assert.False(new ResponseFiles().TryReplace(outer, out _, out var error));

        Assert.Equal($"@{inner}: the response files are larger than 1 MiB in all", error);
    }

    [Fact]
    public void TryReplace_FileNamingItself_UsageErrorInsteadOfEndlessNesting()
    {
        var path = Path.Combine(_root.FullName, "self.rsp");
        File.WriteAllText(path, $"python\n@{path}\n");

        Assert.False(new ResponseFiles().TryReplace(path, out _, out var error));

        Assert.Equal($"@{path}: response files nested more than 10 deep", error);
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("missing-folder/file", "no such file")]
    [InlineData("folder", "it is a folder")]
    [InlineData("nul\u0000", "not a file name")]
    public void TryReplace_FileThatCannotBeRead_UsageErrorNamingItAndWhy(string name, string reason)
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "folder"));
        var path = Path.Combine(_root.FullName, name);

        Assert.False(new ResponseFiles().TryReplace(path, out var tokens, out var error));

        Assert.Null(tokens);
        Assert.Equal($"@{path}: {reason}", error);
    }

    [Fact]
    public void TryReplace_NestedFileCannotBeRead_UsageErrorNamingTheNestedFile()
    {
        var missing = Path.Combine(_root.FullName, "missing.rsp");
        var outer = Write("outer.rsp", Utf8($"python\n@{missing}\n"));

        Assert.False(new ResponseFiles().TryReplace(outer, out _, out var error));

        Assert.Equal($"@{missing}: no such file", error);
    }

    [Fact]
    public async Task TryReplace_Fifo_ReadAsTheWriterWrites()
    {
        var path = Path.Combine(_root.FullName, "pipe");
        HostileFiles.MakeFifo(path);
        var writer = Task.Run(() => File.WriteAllText(path, "python:1\n-n 2 \"a b\"\n"), TestContext.Current.CancellationToken);

        IReadOnlyList<string>? tokens = null;
        string? error = null;
        var ok = await Task.Run(() => new ResponseFiles().TryReplace(path, out tokens, out error)).WaitAsync(Patience, TestContext.Current.CancellationToken);
        await writer;

        Assert.True(ok, error);
        Assert.Equal(["python:1", "-n", "2", "a b"], tokens);
    }

    [Fact]
    public async Task TryReplace_FifoThatNeverEnds_StopsAtTheCap()
    {
        var path = Path.Combine(_root.FullName, "pipe");
        HostileFiles.MakeFifo(path);
        var writer = Task.Run(() => WriteUntilTheReaderLeaves(path), TestContext.Current.CancellationToken);

        string? error = null;
        var ok = await Task.Run(() => new ResponseFiles().TryReplace(path, out _, out error)).WaitAsync(Patience, TestContext.Current.CancellationToken);
        await writer.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.False(ok);
        Assert.Equal($"@{path}: the file is larger than 1 MiB", error);
    }

    [Fact]
    public async Task InvokeAsync_DevZeroAsResponseFile_UsageErrorWithoutAStackTrace()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var environment = new RunEnvironment(output, errors, _ => null, new FakeTimeProvider());

        var exitCode = await RedditTopCommand.InvokeAsync(["python:1", "@/dev/zero"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("reddittop: @/dev/zero: the file is larger than 1 MiB\nTry 'reddittop --help' for more information.\n", errors.ToString());
        Assert.Equal("", output.ToString());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void WriteUntilTheReaderLeaves(string path)
    {
        var line = Utf8("python rust golang\n");
        try
        {
            using var fifo = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            while (true)
            {
                fifo.Write(line);
            }
        }
        catch (IOException)
        {
            // The reader closed its end (EPIPE): it read enough.
        }
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_root.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}

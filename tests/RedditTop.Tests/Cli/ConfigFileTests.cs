using RedditTop.Cli;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli;

/// <summary>Where the config file is, and how its lines become arguments.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-config-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("/x/named", "/xdg", "/home/u", "/x/named", true)]
    [InlineData("", "/xdg", "/home/u", "/xdg/reddittop/config", false)]
    [InlineData(null, "relative/xdg", "/home/u", "/home/u/.config/reddittop/config", false)] // XDG says: a relative path is ignored
    [InlineData(null, null, "/home/u", "/home/u/.config/reddittop/config", false)]
    public void Locate_VariableThenXdgThenHome(string? named, string? xdg, string? home, string expected, bool isNamed)
    {
        var variables = new Dictionary<string, string?> { [ConfigFile.PathVariable] = named, ["XDG_CONFIG_HOME"] = xdg, ["HOME"] = home };

        Assert.Equal((expected, isNamed), ConfigFile.Locate(variables.GetValueOrDefault));
    }

    [Fact]
    public void Locate_NoVariableAndNoHome_IsNone() => Assert.Null(ConfigFile.Locate(_ => null));

    [Fact]
    public void TryParse_LinesTrimmedCommentsAndBlankLinesLeftOut_EachArgumentWithItsLine()
    {
        const string text = "# my subreddits\n\n  --sort=new  \n-t\nweek\n   # indented comment\npython:3\r\nrust\n";

        Assert.True(ConfigFile.TryParse("cfg", text, out var file, out _));

        Assert.Equal(["--sort=new", "-t", "week", "python:3", "rust"], file.Arguments);
        Assert.Equal([3, 4, 5, 7, 8], file.LineNumbers);
    }

    [Theory]
    [InlineData("--limit 5", new[] { "--limit", "5" })]
    [InlineData("--flair   Some Text ", new[] { "--flair", "Some Text" })]
    [InlineData("-n\t5", new[] { "-n", "5" })]
    [InlineData("--flair=Some Text", new[] { "--flair=Some Text" })] // '=' already joins them
    [InlineData("python", new[] { "python" })]
    public void TryParse_OptionAndValueOnOneLine_AreTwoArgumentsOfThatLine(string line, string[] expected)
    {
        Assert.True(ConfigFile.TryParse("cfg", "\n" + line, out var file, out _));

        Assert.Equal(expected, file.Arguments);
        Assert.All(file.LineNumbers, n => Assert.Equal(2, n));
    }

    [Theory]
    [InlineData("python\n--\n-n", "config file 'cfg' line 2: '--' is not allowed here")]
    [InlineData("@more.txt", "config file 'cfg' line 1: response files (@FILE) are not read from the config file")]
    public void TryParse_ArgumentTheFileCannotHold_NamesTheLine(string text, string expected)
    {
        Assert.False(ConfigFile.TryParse("cfg", text, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryRead_DefaultFileMissing_IsNoConfigAndNoError()
    {
        Assert.True(ConfigFile.TryRead(Variables(home: _folder.FullName), out var file, out var error));

        Assert.Null(file);
        Assert.Null(error);
    }

    [Fact]
    public void TryRead_NamedFileMissing_IsAnErrorNamingTheVariable()
    {
        var path = Path.Combine(_folder.FullName, "nope");

        Assert.False(ConfigFile.TryRead(Variables(named: path), out _, out var error));

        Assert.Equal($"config file '{path}': no such file (named by REDDITTOP_CONFIG_PATH)", error);
    }

    [Fact]
    public void TryRead_AFolder_IsAnError()
    {
        Assert.False(ConfigFile.TryRead(Variables(named: _folder.FullName), out _, out var error));

        Assert.Equal($"config file '{_folder.FullName}': it is a folder", error);
    }

    [Fact]
    public async Task TryRead_AFifo_IsAnErrorAndDoesNotWaitForAWriter()
    {
        var fifo = Path.Combine(_folder.FullName, "config");
        HostileFiles.MakeFifo(fifo);

        var read = Task.Run(() => (ConfigFile.TryRead(Variables(named: fifo), out _, out var error), error), TestContext.Current.CancellationToken);

        Assert.Equal((false, $"config file '{fifo}': it is not a regular file"), await read.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TryRead_ASymbolicLink_IsFollowed()
    {
        var target = Path.Combine(_folder.FullName, "dotfiles-config");
        File.WriteAllText(target, "python:3\n");
        Directory.CreateDirectory(Path.Combine(_folder.FullName, ".config", "reddittop"));
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, ".config", "reddittop", "config"), target);

        Assert.True(ConfigFile.TryRead(Variables(home: _folder.FullName), out var file, out _));

        Assert.Equal(["python:3"], file!.Arguments);
    }

    [Fact]
    public void TryRead_LargerThanTheCap_IsAnError()
    {
        var path = Path.Combine(_folder.FullName, "big");
        File.WriteAllText(path, new string('a', (1 << 20) + 1));

        Assert.False(ConfigFile.TryRead(Variables(named: path), out _, out var error));

        Assert.Equal($"config file '{path}': it is larger than 1 MiB", error);
    }

    private static Func<string, string?> Variables(string? named = null, string? home = null) =>
        name => name switch
        {
            ConfigFile.PathVariable => named,
            "HOME" => home,
            _ => null,
        };
}

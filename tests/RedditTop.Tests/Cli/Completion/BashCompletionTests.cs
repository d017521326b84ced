using System.CommandLine;
using RedditTop.Cli;
using RedditTop.Cli.Completion;
using RedditTop.Reddit;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>The bash script in real bash: <c>_reddittop</c> called as bash's completion calls it, and what it puts in <c>COMPREPLY</c>.</summary>
public sealed class BashCompletionTests : IDisposable
{
    private readonly ShellHome _shell = new();
    private readonly DirectoryInfo _cwd = Directory.CreateTempSubdirectory("reddittop-bash-"); // file names complete from here

    public void Dispose()
    {
        _shell.Dispose();
        _cwd.Delete(recursive: true);
    }

    [Fact]
    public async Task Source_Script_RegistersTheFunctionForReddittop()
    {
        var script = Path.Combine(_shell.Home, "completion.bash");
        await File.WriteAllTextAsync(script, CompletionScripts.Generate(CompletionShell.Bash, new CommandDefinition().Root), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await _shell.RunAsync("bash", ["--norc", "--noprofile", "-c", "source \"$1\" && complete -p reddittop", "bash", script], _cwd.FullName);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("complete -F _reddittop reddittop\n", stdout);
    }

    [Theory]
    [MemberData(nameof(CompletionCases.FixedValues), MemberType = typeof(CompletionCases))]
    public async Task Complete_ChoiceOptionValue_CompletesItsValues(string option, string[] values)
    {
        var replies = await CompleteWithBashAsync("reddittop", "python:3", option, "");

        Assert.Equal(values.Sorted(), replies.Sorted());
    }

    [Fact]
    public async Task Complete_PartialValue_CompletesTheValuesItStarts()
    {
        Assert.Equal(["json", "jsonl"], await CompleteWithBashAsync("reddittop", "-f", "js"));
        Assert.Equal(["hour"], await CompleteWithBashAsync("reddittop", "--time", "h"));
    }

    [Fact]
    public async Task Complete_PartialOptionName_CompletesTheOption()
    {
        Assert.Equal(["--sort"], await CompleteWithBashAsync("reddittop", "--so"));
        Assert.Equal(["--verbose", "--version"], (await CompleteWithBashAsync("reddittop", "--ver")).Sorted());
    }

    [Fact]
    public async Task Complete_Dash_CompletesEveryOptionName()
    {
        var replies = await CompleteWithBashAsync("reddittop", "-");

        // printf %q quotes the glob character of -?.
        Assert.Equal(CompletionCases.OptionNames(new CommandDefinition().Root).Select(n => n == "-?" ? "-\\?" : n).Sorted(), replies.Sorted());
    }

    [Fact]
    public async Task Complete_AfterAFlag_CompletesOptionNamesNotValues()
    {
        Assert.Equal(["--sort"], await CompleteWithBashAsync("reddittop", "-v", "--so"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", "--no-header", ""));
    }

    [Theory]
    [MemberData(nameof(CompletionCases.ValuesWithoutFixedSet), MemberType = typeof(CompletionCases))]
    public async Task Complete_ValueWithoutFixedSet_CompletesNothingNotEvenOptionNames(string option)
    {
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, ""));
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "-"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "--s"));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    public async Task Complete_OutputValue_CompletesFileNamesNotOptionNames(string option)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.csv"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.json"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "other.txt"), "");

        Assert.Equal(["top.csv", "top.json"], (await CompleteWithBashAsync("reddittop", option, "to")).Sorted());
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "--"));
    }

    [Fact]
    public async Task Complete_OptionEqualsValue_CompletesTheValue()
    {
        // bash splits "--sort=t" at '=' (COMP_WORDBREAKS) ...
        Assert.Equal(["top"], await CompleteWithBashAsync("reddittop", "--sort", "=", "to"));
        Assert.Equal(EnumNames.Of<TimeWindow>().Sorted(), (await CompleteWithBashAsync("reddittop", "--time", "=")).Sorted());

        // ... unless '=' was taken out of COMP_WORDBREAKS, when the word arrives whole and is replaced whole.
        Assert.Equal(["--format=json", "--format=jsonl"], await CompleteWithBashAsync("reddittop", "--format=js"));
    }

    [Fact]
    public async Task Complete_Subreddit_CompletesNothing()
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "python"), "");

        Assert.Empty(await CompleteWithBashAsync("reddittop", "py"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", ""));
    }

    [Fact]
    public async Task Complete_OptionAddedToTheRoot_CompletesItsNameAndValues()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--widget") { CompletionSources = { "a", "b" } });

        Assert.Equal(["--widget"], await CompleteWithBashAsync(root, "reddittop", "--wid"));
        Assert.Equal(["a", "b"], await CompleteWithBashAsync(root, "reddittop", "--widget", ""));
    }

    [Fact]
    public async Task Complete_FileDirectoryAndEnumOptions_CompleteByValueType()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<FileInfo>("--config"));
        root.Options.Add(new Option<DirectoryInfo>("--cache"));
        root.Options.Add(new Option<DayOfWeek>("--day"));
        _cwd.CreateSubdirectory("sub");
        File.WriteAllText(Path.Combine(_cwd.FullName, "settings"), "");

        Assert.Equal(["settings", "sub"], (await CompleteWithBashAsync(root, "reddittop", "--config", "s")).Sorted());
        Assert.Equal(["sub"], await CompleteWithBashAsync(root, "reddittop", "--cache", "s"));
        Assert.Equal(["Saturday", "Sunday"], (await CompleteWithBashAsync(root, "reddittop", "--day", "S")).Sorted());
    }

    [Fact]
    public async Task Complete_ValuesWithShellCharacters_CompleteQuotedAndRunNothing()
    {
        var marker = Path.Combine(_cwd.FullName, "ran");
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--odd") { CompletionSources = { "it's", "$HOME", "a b", $"$(touch {marker})", $"`touch {marker}`" } });

        var replies = await CompleteWithBashAsync(root, "reddittop", "--odd", "");

        string[] quoted = ["it\\'s", "\\$HOME", "a\\ b", $"\\$\\(touch\\ {marker}\\)", $"\\`touch\\ {marker}\\`"];
        Assert.Equal(quoted.Sorted(), replies.Sorted());
        Assert.False(File.Exists(marker));
    }

    private Task<string[]> CompleteWithBashAsync(params string[] words) => CompleteWithBashAsync(new CommandDefinition().Root, words);

    /// <summary>
    /// Sources the bash script, sets <c>COMP_WORDS</c> to <paramref name="words"/> with the cursor in the last one,
    /// calls <c>_reddittop</c> as bash's completion would and returns <c>COMPREPLY</c>. Runs in the test's directory,
    /// under <c>set -u</c>.
    /// </summary>
    private async Task<string[]> CompleteWithBashAsync(RootCommand root, params string[] words)
    {
        var script = Path.Combine(_shell.Home, "completion.bash");
        await File.WriteAllTextAsync(script, CompletionScripts.Generate(CompletionShell.Bash, root), TestContext.Current.CancellationToken);

        const string Driver = """
            set -u
            source "$1"
            shift
            COMP_WORDS=("$@")
            COMP_CWORD=$(( $# - 1 ))
            COMP_LINE="$*"
            COMP_POINT=${#COMP_LINE}
            _reddittop
            (( ${#COMPREPLY[@]} == 0 )) || printf '%s\n' "${COMPREPLY[@]}"
            """;
        var (exitCode, stdout, stderr) = await _shell.RunAsync("bash", ["--norc", "--noprofile", "-c", Driver, "bash", script, .. words], _cwd.FullName);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

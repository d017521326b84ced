using System.CommandLine;
using System.Diagnostics;
using RedditTop.Cli;
using RedditTop.Cli.Completion;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests.Cli.Completion;

public sealed class CompletionScriptsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("reddittop-completion-");
    private readonly DirectoryInfo _cwd; // where the shells run: file names complete from here

    public CompletionScriptsTests() => _cwd = _directory.CreateSubdirectory("cwd");

    public static TheoryData<string> Shells => [.. EnumNames.Of<CompletionShell>()];

    public static TheoryData<string, string[]> FixedValues => new()
    {
        { "--sort", [.. EnumNames.Of<ListingSort>()] },
        { "--time", [.. EnumNames.Of<TimeWindow>()] },
        { "--format", [.. EnumNames.Of<OutputFormat>()] },
        { "--order", [.. EnumNames.Of<OutputOrder>()] },
        { "--color", [.. EnumNames.Of<ColorMode>()] },
    };

    public void Dispose() => _directory.Delete(recursive: true);

    // Text: every shell ------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Shells))]
    public void Generate_RedditTopRoot_MentionsEveryOptionByEveryName(string shell)
    {
        var root = new CommandDefinition().Root;

        var script = CompletionScripts.Generate(Shell(shell), root);

        var names = root.Options.SelectMany(o => o.Aliases.Prepend(o.Name).Where(n => n.StartsWith('-')).Select(n => (Option: o, Name: n))).ToList();
        Assert.Contains(names, n => n.Name == "--help");
        Assert.Contains(names, n => n.Name == "-?");
        Assert.Contains(names, n => n.Name == "--version");
        Assert.Contains(names, n => n.Name == "-o");
        foreach (var (option, name) in names)
        {
            Assert.Contains(Mention(Shell(shell), option, name), script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Generate_RedditTopRoot_ListsTheFixedValuesOfEachChoiceOption(string shell)
    {
        var root = new CommandDefinition().Root;

        var script = CompletionScripts.Generate(Shell(shell), root);

        foreach (var (option, values) in FixedValues.Select(row => (row.Data.Item1, row.Data.Item2)))
        {
            Assert.Contains(ValueList(Shell(shell), OptionNamed(root, option), values), script, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public void Generate_OptionAddedToTheRoot_AppearsWithItsValues(string shell)
    {
        var root = new CommandDefinition().Root;
        var widget = new Option<string>("--widget", "-w") { Description = "A widget", CompletionSources = { "a", "b" } };
        root.Options.Add(widget);

        var script = CompletionScripts.Generate(Shell(shell), root);

        Assert.Contains(Mention(Shell(shell), widget, "--widget"), script, StringComparison.Ordinal);
        Assert.Contains(Mention(Shell(shell), widget, "-w"), script, StringComparison.Ordinal);
        Assert.Contains(ValueList(Shell(shell), widget, ["a", "b"]), script, StringComparison.Ordinal);
        Assert.DoesNotContain("--widget", CompletionScripts.Generate(Shell(shell), new CommandDefinition().Root), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnknownShell_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CompletionScripts.Generate((CompletionShell)99, new CommandDefinition().Root));

        Assert.Contains("bash, zsh, fish", error.Message, StringComparison.Ordinal);
    }

    // bash: the script run by bash -------------------------------------------------------------------------------

    [Fact]
    public async Task GenerateBash_Sourced_RegistersTheFunctionForReddittop()
    {
        var script = Path.Combine(_directory.FullName, "completion.bash");
        await File.WriteAllTextAsync(script, CompletionScripts.Generate(CompletionShell.Bash, new CommandDefinition().Root), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync("bash", ["--norc", "--noprofile", "-c", "source \"$1\" && complete -p reddittop", "bash", script]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("complete -F _reddittop reddittop\n", stdout);
    }

    [Theory]
    [InlineData("--sort")]
    [InlineData("-s")]
    public async Task GenerateBash_SortValue_CompletesEverySort(string option)
    {
        var replies = await CompleteWithBashAsync("reddittop", option, "");

        Assert.Equal(EnumNames.Of<ListingSort>().Order(StringComparer.Ordinal), replies.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixedValues))]
    public async Task GenerateBash_ChoiceOptionValue_CompletesItsValues(string option, string[] values)
    {
        var replies = await CompleteWithBashAsync("reddittop", "python:3", option, "");

        Assert.Equal(values.Order(StringComparer.Ordinal), replies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GenerateBash_PartialValue_CompletesTheValuesItStarts()
    {
        Assert.Equal(["json", "jsonl"], await CompleteWithBashAsync("reddittop", "-f", "js"));
        Assert.Equal(["hour"], await CompleteWithBashAsync("reddittop", "--time", "h"));
    }

    [Fact]
    public async Task GenerateBash_PartialOptionName_CompletesTheOption()
    {
        Assert.Equal(["--sort"], await CompleteWithBashAsync("reddittop", "--so"));
        Assert.Equal(["--verbose", "--version"], (await CompleteWithBashAsync("reddittop", "--ver")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GenerateBash_Dash_CompletesEveryOptionName()
    {
        var names = new CommandDefinition().Root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-'));

        var replies = await CompleteWithBashAsync("reddittop", "-");

        // printf %q quotes the glob character of -?.
        Assert.Equal(names.Select(n => n == "-?" ? "-\\?" : n).Order(StringComparer.Ordinal), replies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GenerateBash_AfterAFlag_CompletesOptionNamesNotValues()
    {
        Assert.Equal(["--sort"], await CompleteWithBashAsync("reddittop", "-v", "--so"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", "--no-header", ""));
    }

    [Theory]
    [InlineData("--limit")]
    [InlineData("-n")]
    [InlineData("--base-url")]
    [InlineData("--timeout")]
    [InlineData("-j")]
    public async Task GenerateBash_ValueWithoutFixedSet_CompletesNothingNotEvenOptionNames(string option)
    {
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, ""));
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "-"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "--s"));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("-o")]
    public async Task GenerateBash_OutputValue_CompletesFileNamesNotOptionNames(string option)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.csv"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.json"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "other.txt"), "");

        Assert.Equal(["top.csv", "top.json"], (await CompleteWithBashAsync("reddittop", option, "to")).Order(StringComparer.Ordinal));
        Assert.Empty(await CompleteWithBashAsync("reddittop", option, "--"));
    }

    [Fact]
    public async Task GenerateBash_OptionEqualsValue_CompletesTheValue()
    {
        // bash splits "--sort=t" at '=' (COMP_WORDBREAKS) ...
        Assert.Equal(["top"], await CompleteWithBashAsync("reddittop", "--sort", "=", "to"));
        Assert.Equal(EnumNames.Of<TimeWindow>().Order(StringComparer.Ordinal), (await CompleteWithBashAsync("reddittop", "--time", "=")).Order(StringComparer.Ordinal));

        // ... unless '=' was taken out of COMP_WORDBREAKS, when the word arrives whole and is replaced whole.
        Assert.Equal(["--format=json", "--format=jsonl"], await CompleteWithBashAsync("reddittop", "--format=js"));
    }

    [Fact]
    public async Task GenerateBash_Subreddit_CompletesNothing()
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "python"), "");

        Assert.Empty(await CompleteWithBashAsync("reddittop", "py"));
        Assert.Empty(await CompleteWithBashAsync("reddittop", ""));
    }

    [Fact]
    public async Task GenerateBash_OptionAddedToTheRoot_CompletesItsNameAndValues()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--widget") { CompletionSources = { "a", "b" } });

        Assert.Equal(["--widget"], await CompleteWithBashAsync(root, "reddittop", "--wid"));
        Assert.Equal(["a", "b"], await CompleteWithBashAsync(root, "reddittop", "--widget", ""));
    }

    [Fact]
    public async Task GenerateBash_FileDirectoryAndEnumOptions_CompleteByValueType()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<FileInfo>("--config"));
        root.Options.Add(new Option<DirectoryInfo>("--cache"));
        root.Options.Add(new Option<DayOfWeek>("--day"));
        _cwd.CreateSubdirectory("sub");
        File.WriteAllText(Path.Combine(_cwd.FullName, "settings"), "");

        Assert.Equal(["settings", "sub"], (await CompleteWithBashAsync(root, "reddittop", "--config", "s")).Order(StringComparer.Ordinal));
        Assert.Equal(["sub"], await CompleteWithBashAsync(root, "reddittop", "--cache", "s"));
        Assert.Equal(["Saturday", "Sunday"], (await CompleteWithBashAsync(root, "reddittop", "--day", "S")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GenerateBash_ValuesWithShellCharacters_CompleteQuotedAndRunNothing()
    {
        var marker = Path.Combine(_cwd.FullName, "ran");
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--odd") { CompletionSources = { "it's", "$HOME", "a b", $"$(touch {marker})", $"`touch {marker}`" } });

        var replies = await CompleteWithBashAsync(root, "reddittop", "--odd", "");

        string[] quoted = ["it\\'s", "\\$HOME", "a\\ b", $"\\$\\(touch\\ {marker}\\)", $"\\`touch\\ {marker}\\`"];
        Assert.Equal(quoted.Order(StringComparer.Ordinal), replies.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(marker));
    }

    // helpers --------------------------------------------------------------------------------------------------

    /// <summary>How each script names an option: bash as a quoted word, zsh as a spec, fish as <c>-l name</c> or <c>-s n</c>.</summary>
    private static string Mention(CompletionShell shell, Option option, string name) => shell switch
    {
        CompletionShell.Bash => "'" + name + "'",
        CompletionShell.Zsh => ")" + name + (option.Arity.MinimumNumberOfValues > 0 && name.StartsWith("--", StringComparison.Ordinal) ? "=[" : "["),
        CompletionShell.Fish when name.StartsWith("--", StringComparison.Ordinal) => " -l " + name[2..],
        CompletionShell.Fish => " -s " + (name == "-?" ? "'?'" : name[1..]),
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, null),
    };

    /// <summary>How each script lists the values of an option with plain (unquoted) values.</summary>
    private static string ValueList(CompletionShell shell, Option option, IEnumerable<string> values) => shell switch
    {
        CompletionShell.Bash => $"{string.Join('|', option.Aliases.Prepend(option.Name).Select(n => "'" + n + "'"))})\n"
            + "            _reddittop_reply \"$prefix\" \"$cur\" " + string.Join(' ', values.Select(v => "'" + v + "'")) + "\n",
        CompletionShell.Zsh => ":" + option.Name.TrimStart('-') + ":(" + string.Join(' ', values) + ")'",
        CompletionShell.Fish => string.Concat(option.Aliases.Prepend(option.Name).Select(n => Mention(shell, option, n))) + " -x -a '" + string.Join(' ', values) + "'",
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, null),
    };

    private static CompletionShell Shell(string name) =>
        EnumNames.TryParse<CompletionShell>(name, out var shell) ? shell : throw new ArgumentOutOfRangeException(nameof(name), name, null);

    private static Option OptionNamed(RootCommand root, string name) => root.Options.Single(o => o.Name == name);

    private Task<string[]> CompleteWithBashAsync(params string[] words) => CompleteWithBashAsync(new CommandDefinition().Root, words);

    /// <summary>
    /// Sources the bash script, sets <c>COMP_WORDS</c> to <paramref name="words"/> with the cursor in the last one,
    /// calls <c>_reddittop</c> as bash's completion would and returns <c>COMPREPLY</c>. Runs in the test's directory,
    /// under <c>set -u</c>.
    /// </summary>
    private async Task<string[]> CompleteWithBashAsync(RootCommand root, params string[] words)
    {
        var script = Path.Combine(_directory.FullName, "completion.bash");
        await File.WriteAllTextAsync(script, CompletionScripts.Generate(CompletionShell.Bash, root));

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
        var (exitCode, stdout, stderr) = await RunAsync("bash", ["--norc", "--noprofile", "-c", Driver, "bash", script, .. words]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _cwd.FullName,
        };

        // A locale the machine may not have (LANG=de_DE.UTF-8 without its files) would make bash warn on stderr.
        start.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

using System.CommandLine;
using RedditTop.Cli;
using RedditTop.Cli.Completion;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>The fish script in real fish: what <c>complete -C LINE</c> offers, as the Tab key would.</summary>
public sealed class FishCompletionTests : IDisposable
{
    private readonly ShellHome _shell = new();
    private readonly DirectoryInfo _cwd = Directory.CreateTempSubdirectory("reddittop-fish-"); // file names complete from here

    public void Dispose()
    {
        _shell.Dispose();
        _cwd.Delete(recursive: true);
    }

    [Fact]
    public async Task Recipe_ScriptWrittenToTheCompletionsFolder_IsLoadedForReddittop()
    {
        const string Commands = """
            mkdir -p ~/.config/fish/completions
            and reddittop --completion fish > ~/.config/fish/completions/reddittop.fish
            and complete -C 'reddittop --so'
            """;

        // fish as a user's shell, reading its configuration: only then does it look in ~/.config/fish/completions.
        var (exitCode, stdout, stderr) = await _shell.RunAsync("fish", ["-c", Commands], _cwd.FullName);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["--sort"], Words(stdout));
    }

    [Fact]
    public async Task Complete_PartialOptionName_OffersTheOptionsItStarts()
    {
        Assert.Equal(["--sort"], await OfferedAsync("reddittop --so"));
        Assert.Equal(["--verbose", "--version"], (await OfferedAsync("reddittop --ver")).Sorted());
        Assert.Equal(["--sort"], await OfferedAsync("reddittop python:3 -v --so"));
    }

    [Fact]
    public async Task Complete_Dash_OffersEveryOptionName()
    {
        var offered = await OfferedAsync("reddittop -");

        Assert.Equal(CompletionCases.OptionNames(new CommandDefinition().Root), offered.Sorted());
    }

    [Theory]
    [MemberData(nameof(CompletionCases.FixedValues), MemberType = typeof(CompletionCases))]
    public async Task Complete_ChoiceOptionValue_OffersItsValues(string option, string[] values)
    {
        Assert.Equal(values.Sorted(), (await OfferedAsync($"reddittop python:3 {option} ")).Sorted());
    }

    [Fact]
    public async Task Complete_PartialValue_OffersTheValuesItStarts()
    {
        Assert.Equal(["json", "jsonl"], (await OfferedAsync("reddittop -f js")).Sorted());
        Assert.Equal(["--format=json", "--format=jsonl"], (await OfferedAsync("reddittop --format=js")).Sorted());
        Assert.Equal(["hour"], await OfferedAsync("reddittop --time h"));
    }

    [Theory]
    [MemberData(nameof(CompletionCases.ValuesWithoutFixedSet), MemberType = typeof(CompletionCases))]
    public async Task Complete_ValueWithoutFixedSet_OffersNothing(string option)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "5"), "");

        Assert.Empty(await OfferedAsync($"reddittop {option} "));
    }

    [Theory]
    [InlineData("-o ", "")]
    [InlineData("--output ", "")]
    [InlineData("--output=", "--output=")]
    public async Task Complete_OutputValue_OffersFileNames(string option, string prefix)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.csv"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.json"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "other.txt"), "");

        Assert.Equal([prefix + "top.csv", prefix + "top.json"], (await OfferedAsync($"reddittop {option}to")).Sorted());
    }

    [Fact]
    public async Task Complete_Subreddit_OffersNothing()
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "python"), "");

        Assert.Empty(await OfferedAsync("reddittop py"));
        Assert.Empty(await OfferedAsync("reddittop "));
        Assert.Empty(await OfferedAsync("reddittop --verbose "));
    }

    [Fact]
    public async Task Complete_OptionAddedToTheRoot_OffersItsNameAndValues()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--widget", "-w") { CompletionSources = { "a", "b" } });

        Assert.Equal(["--widget"], await OfferedAsync("reddittop --wid", root));
        Assert.Equal(["a", "b"], (await OfferedAsync("reddittop -w ", root)).Sorted());
    }

    [Fact]
    public async Task Complete_FileDirectoryAndEnumOptions_OfferByValueType()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<FileInfo>("--config"));
        root.Options.Add(new Option<DirectoryInfo>("--cache"));
        root.Options.Add(new Option<DayOfWeek>("--day"));
        _cwd.CreateSubdirectory("sub");
        File.WriteAllText(Path.Combine(_cwd.FullName, "settings"), "");

        Assert.Equal(["settings", "sub/"], (await OfferedAsync("reddittop --config s", root)).Sorted());
        Assert.Equal(["sub/"], await OfferedAsync("reddittop --cache s", root));
        Assert.Equal(["Saturday", "Sunday"], (await OfferedAsync("reddittop --day S", root)).Sorted());
    }

    [Fact]
    public async Task Complete_ValuesAndDescriptionWithShellCharacters_AreOfferedAsTheyAreAndRunNothing()
    {
        const string Description = "It's $HOME \\ `id` (echo x) 'q' \"d\"";
        var marker = Path.Combine(_cwd.FullName, "ran");
        string[] values = ["it's", "$HOME", "a b", "back\\slash", $"(touch {marker})", $"$(touch {marker})", $"`touch {marker}`"];
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--odd") { Description = Description, CompletionSources = { values } });

        var completions = await CompleteAsync("reddittop --odd ", root);

        Assert.Equal(values.Sorted(), completions.Select(c => c.Word).Sorted());
        Assert.All(completions, c => Assert.Equal(Description, c.Description));
        Assert.False(File.Exists(marker));
    }

    private async Task<IReadOnlyList<string>> OfferedAsync(string line, RootCommand? root = null) =>
        [.. (await CompleteAsync(line, root)).Select(c => c.Word)];

    /// <summary>What fish offers for <paramref name="line"/> with the script for <paramref name="root"/> sourced: no configuration read.</summary>
    private async Task<IReadOnlyList<(string Word, string Description)>> CompleteAsync(string line, RootCommand? root = null)
    {
        var script = Path.Combine(_shell.Home, "reddittop.fish");
        await File.WriteAllTextAsync(script, CompletionScripts.Generate(CompletionShell.Fish, root ?? new CommandDefinition().Root), TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await _shell.RunAsync("fish", ["--no-config", "-c", "source $argv[1]; and complete -C $argv[2]", script, line], _cwd.FullName);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("", stderr);
        return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).Select(p => (p[0], p.Length > 1 ? p[1] : ""))];
    }

    private static string[] Words(string stdout) => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[0])];
}

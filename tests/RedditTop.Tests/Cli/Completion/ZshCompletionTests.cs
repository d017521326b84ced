using System.CommandLine;
using RedditTop.Cli;
using RedditTop.Cli.Completion;

namespace RedditTop.Tests.Cli.Completion;

/// <summary>The zsh script in real zsh: keys typed into its line editor, with compinit and the script installed as the README says.</summary>
public sealed class ZshCompletionTests : IClassFixture<InteractiveZsh>, IDisposable
{
    private readonly InteractiveZsh _zsh;
    private readonly DirectoryInfo _cwd = Directory.CreateTempSubdirectory("reddittop-zsh-"); // file names complete from here

    public ZshCompletionTests(InteractiveZsh zsh)
    {
        _zsh = zsh;
        _zsh.Install(new CommandDefinition().Root);
    }

    public void Dispose() => _cwd.Delete(recursive: true);

    // The line after the keys --------------------------------------------------------------------------------------

    [Fact]
    public async Task Recipe_ScriptWrittenToZfunc_CompletesAUniqueOptionOnOneTab()
    {
        Directory.Delete(_zsh.Functions, recursive: true);

        await _zsh.RunAsync("mkdir -p ~/.zfunc && reddittop --completion zsh > ~/.zfunc/_reddittop");
        var typed = await _zsh.TypeAsync("reddittop --so\t", _cwd.FullName);

        Assert.Equal(CompletionScripts.Generate(CompletionShell.Zsh, new CommandDefinition().Root), File.ReadAllText(Path.Combine(_zsh.Functions, "_reddittop")));
        Assert.Equal("reddittop --sort=", typed.Line);
    }

    [Fact]
    public async Task Source_AfterCompinit_TheSourcedScriptCompletes()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<bool>("--widget"));
        _zsh.Source(root); // the script in ~/.zfunc has no --widget

        var typed = await _zsh.TypeAsync("reddittop --wid\t", _cwd.FullName);

        Assert.Equal("reddittop --widget ", typed.Line);
    }

    [Theory]
    [InlineData("reddittop --so\t", "reddittop --sort=")] // --sort takes its value after '=' or as the next word
    [InlineData("reddittop --so\t ", "reddittop --sort ")] // a space takes the '=' back
    [InlineData("reddittop python:3 --so\t", "reddittop python:3 --sort=")]
    [InlineData("reddittop -v --no-h\t", "reddittop -v --no-header ")]
    [InlineData("reddittop --sort=t\t", "reddittop --sort=top ")]
    [InlineData("reddittop -f m\t", "reddittop -f markdown ")]
    [InlineData("reddittop --format=j\t", "reddittop --format=json")] // json or jsonl
    [InlineData("reddittop --completion z\t", "reddittop --completion zsh ")]
    [InlineData("reddittop py\t", "reddittop py")]
    public async Task Tab_OneMatchOrACommonPrefix_IsInsertedAtOnce(string keys, string line)
    {
        var typed = await _zsh.TypeAsync(keys, _cwd.FullName);

        Assert.Equal(line, typed.Line);
    }

    // What completion offers ---------------------------------------------------------------------------------------

    [Fact]
    public async Task Tab_PartialOptionName_OffersTheOptionsItStarts()
    {
        Assert.Equal(["--sort"], await OfferedAsync("reddittop --so"));
        Assert.Equal(["--verbose", "--version"], (await OfferedAsync("reddittop --ver")).Sorted());
    }

    [Fact]
    public async Task Tab_OptionGivenAlready_IsNotOfferedAgain()
    {
        Assert.Equal(["--version"], await OfferedAsync("reddittop -v --ver"));
    }

    [Fact]
    public async Task Tab_Dash_OffersEveryOptionName()
    {
        var offered = await OfferedAsync("reddittop -");

        Assert.Equal(CompletionCases.OptionNames(new CommandDefinition().Root), offered.Sorted());
    }

    [Theory]
    [MemberData(nameof(CompletionCases.FixedValues), MemberType = typeof(CompletionCases))]
    public async Task Tab_ChoiceOptionValue_OffersItsValues(string option, string[] values)
    {
        Assert.Equal(values.Sorted(), (await OfferedAsync($"reddittop python:3 {option} ")).Sorted());
    }

    [Fact]
    public async Task Tab_PartialValue_OffersTheValuesItStarts()
    {
        Assert.Equal(["json", "jsonl"], (await OfferedAsync("reddittop -f js")).Sorted());
        Assert.Equal(["json", "jsonl"], (await OfferedAsync("reddittop --format=js")).Sorted());
        Assert.Equal(["hour"], await OfferedAsync("reddittop --time h"));
    }

    [Theory]
    [MemberData(nameof(CompletionCases.ValuesWithoutFixedSet), MemberType = typeof(CompletionCases))]
    public async Task Tab_ValueWithoutFixedSet_OffersNothingNotEvenOptionNames(string option)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "5"), "");

        Assert.Empty(await OfferedAsync($"reddittop {option} "));
        Assert.Empty(await OfferedAsync($"reddittop {option} --s"));
    }

    [Theory]
    [InlineData("-o ")]
    [InlineData("--output ")]
    [InlineData("--output=")]
    public async Task Tab_OutputValue_OffersFileNames(string option)
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.csv"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "top.json"), "");
        File.WriteAllText(Path.Combine(_cwd.FullName, "other.txt"), "");

        Assert.Equal(["top.csv", "top.json"], (await OfferedAsync($"reddittop {option}to")).Sorted());
    }

    [Fact]
    public async Task Tab_Subreddit_OffersNothing()
    {
        File.WriteAllText(Path.Combine(_cwd.FullName, "python"), "");

        Assert.Empty(await OfferedAsync("reddittop py"));
        Assert.Empty(await OfferedAsync("reddittop "));
        Assert.Empty(await OfferedAsync("reddittop python:3 "));
    }

    [Fact]
    public async Task Tab_Subreddit_ShowsTheArgumentsNameButNotBesideOptionNames()
    {
        var name = new CommandDefinition().Root.Arguments.Single().Name;

        Assert.Equal([name], (await _zsh.TypeAsync("reddittop \t", _cwd.FullName)).Messages);
        Assert.Equal([name], (await _zsh.TypeAsync("reddittop python:3 p\t", _cwd.FullName)).Messages);
        Assert.Empty((await _zsh.TypeAsync("reddittop --so\t", _cwd.FullName)).Messages);
    }

    [Fact]
    public async Task Tab_OptionAddedToTheRoot_OffersItsNameAndValues()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--widget", "-w") { CompletionSources = { "a", "b" } });
        _zsh.Install(root);

        Assert.Equal(["--widget"], await OfferedAsync("reddittop --wid"));
        Assert.Equal(["a", "b"], (await OfferedAsync("reddittop -w ")).Sorted());
        Assert.Equal(["a", "b"], (await OfferedAsync("reddittop --widget=")).Sorted());
    }

    [Fact]
    public async Task Tab_FileDirectoryAndEnumOptions_OfferByValueType()
    {
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<FileInfo>("--config"));
        root.Options.Add(new Option<DirectoryInfo>("--cache"));
        root.Options.Add(new Option<DayOfWeek>("--day"));
        _zsh.Install(root);
        _cwd.CreateSubdirectory("sub");
        File.WriteAllText(Path.Combine(_cwd.FullName, "settings"), "");

        Assert.Equal(["settings", "sub"], (await OfferedAsync("reddittop --config s")).Sorted());
        Assert.Equal(["sub"], await OfferedAsync("reddittop --cache s"));
        Assert.Equal(["Saturday", "Sunday"], (await OfferedAsync("reddittop --day S")).Sorted());
    }

    [Fact]
    public async Task Tab_ValuesWithShellCharacters_OffersThemAsTheyAreAndRunsNothing()
    {
        var marker = Path.Combine(_cwd.FullName, "ran");
        string[] values = ["it's", "$HOME", "a b", "x:y", "=ls", $"$(touch {marker})", $"`touch {marker}`"];
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<string>("--odd") { CompletionSources = { values } });
        _zsh.Install(root);

        Assert.Equal(values.Sorted(), (await OfferedAsync("reddittop --odd ")).Sorted());
        Assert.Equal("reddittop --odd it\\'s ", (await _zsh.TypeAsync("reddittop --odd it\t", _cwd.FullName)).Line);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task Tab_DescriptionWithShellCharacters_IsShownAsItIs()
    {
        const string Description = "It's [a] 50% \"odd\": $HOME `id` \\ flag";
        var root = new CommandDefinition().Root;
        root.Options.Add(new Option<bool>("--odd") { Description = Description });
        _zsh.Install(root);

        var typed = await _zsh.TypeAsync("reddittop --od\t", _cwd.FullName);

        Assert.Contains(typed.Shown, shown => shown.StartsWith("--odd ", StringComparison.Ordinal) && shown.EndsWith(" " + Description, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> OfferedAsync(string line) => (await _zsh.TypeAsync(line + "\t", _cwd.FullName)).Offered;
}

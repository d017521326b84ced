using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using RedditTop.Cli;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests.Cli;

/// <summary>
/// The command line parsed on its own: choices in any case, errors in the tool's words; and its help, grouped, in 80
/// columns, with every option once.
/// </summary>
public sealed class CommandDefinitionTests
{
    private readonly CommandDefinition _sut = new();

    [Fact]
    public void Parse_ChoicesInAnyCase_GivesTheirMembers()
    {
        var result = _sut.Root.Parse(["-s", "HOT", "-t", "Week", "-f", "jsonL", "--order", "INPUT", "--color", "Never", "python"]);

        Assert.Empty(result.Errors);
        Assert.Equal(ListingSort.Hot, result.GetValue(_sut.Sort).Value);
        Assert.Equal(TimeWindow.Week, result.GetValue(_sut.Time).Value);
        Assert.Equal(OutputFormat.Jsonl, result.GetValue(_sut.Format).Value);
        Assert.Equal(OutputOrder.Input, result.GetValue(_sut.Order).Value);
        Assert.Equal(ColorMode.Never, result.GetValue(_sut.Color).Value);
    }

    [Fact]
    public void Parse_OptionsGivenTwice_TakeTheLastValueButDomainKeepsEach()
    {
        var result = _sut.Root.Parse("-n 3 --flair a --format json python --limit=7 --flair b -f csv --domain a.com --domain b.com -o x -o y");

        Assert.Empty(result.Errors);
        Assert.Equal(7, result.GetValue(_sut.Limit));
        Assert.Equal("b", result.GetValue(_sut.Flair));
        Assert.Equal(OutputFormat.Csv, result.GetValue(_sut.Format).Value);
        Assert.Equal("y", result.GetValue(_sut.Output));
        Assert.Equal(["a.com", "b.com"], result.GetValue(_sut.Domain)!);
        Assert.Equal([new SubredditSpec("python", null)], result.GetValue(_sut.Subreddits)!);
    }

    [Fact]
    public void ValueNeeded_EveryOptionWithAValue_SaysWhatItNeedsInWordsOfItsOwn()
    {
        var needs = _sut.Root.Options.Where(o => o.Arity.MinimumNumberOfValues > 0).Select(o => (o.Name, Need: _sut.ValueNeeded(o))).ToList();

        Assert.NotEmpty(needs);
        Assert.All(needs, n => Assert.NotEqual("a value", n.Need));
    }

    [Fact]
    public void Parse_NoChoices_GivesTheDefaults()
    {
        var result = _sut.Root.Parse(["python"]);

        Assert.Equal(ListingSort.Top, result.GetValue(_sut.Sort).Value);
        Assert.Equal(TimeWindow.Day, result.GetValue(_sut.Time).Value);
        Assert.Equal(OutputFormat.Text, result.GetValue(_sut.Format).Value);
        Assert.Equal(OutputOrder.Arrival, result.GetValue(_sut.Order).Value);
        Assert.Equal(ColorMode.Auto, result.GetValue(_sut.Color).Value);
    }

    [Theory]
    [InlineData("--sort", "nope", "--sort: 'nope' is not one of top, hot, new, rising, controversial, best")]
    [InlineData("-t", "forever", "--time: 'forever' is not one of hour, day, week, month, year, all")]
    [InlineData("-f", "XML", "--format: 'XML' is not one of text, json, jsonl, csv, tsv, markdown")]
    [InlineData("--order", "random", "--order: 'random' is not one of arrival, input")]
    [InlineData("--color", "maybe", "--color: 'maybe' is not one of auto, always, never")]
    [InlineData("--completion", "tcsh", "--completion: 'tcsh' is not one of bash, zsh, fish")]
    public void Parse_UnknownChoice_ErrsNamingTheOptionAndEveryValue(string option, string value, string expected)
    {
        var result = _sut.Root.Parse([option, value, "python"]);

        Assert.Equal([expected], result.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("-s, --sort SORT", "[top]")]
    [InlineData("-t, --time WINDOW", "[day]")]
    [InlineData("-f, --format FORMAT", "[text]")]
    [InlineData("--order ORDER", "[arrival]")]
    [InlineData("--color WHEN", "[auto]")]
    public void Help_ChoiceOption_ShowsItsDefaultInLowerCase(string names, string expected)
    {
        var line = OptionLine(Help(), names);

        Assert.EndsWith(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("python", "--help")]
    [InlineData("-h", "-n", "0")]
    [InlineData("--bogus", "-?", "--watch", "0")]
    public void Invoke_HelpAnywhere_PrintsTheHelpAndExits0(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = _sut.Root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(HelpText.Render(_sut), output.ToString());
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Help_Headings_AreTheGroupsInOrderThenTheExamples()
    {
        var headings = Lines(Help()).Where(l => l.EndsWith(':') && !l.StartsWith(' '));

        Assert.Equal(["Fetch:", "Output:", "Watching and what's new:", "Filters:", "Network and access:", "Other:", "Examples:"], headings);
    }

    [Fact]
    public void HelpGroups_EveryArgumentAndOption_IsInExactlyOneGroup()
    {
        var grouped = _sut.HelpGroups.SelectMany(g => g.Members).ToList();

        Assert.Equal(grouped.Count, grouped.Distinct().Count());
        Assert.Equal(_sut.Root.Arguments.Concat<Symbol>(_sut.Root.Options).ToHashSet(), grouped.ToHashSet());
    }

    [Fact]
    public void Help_EveryOption_IsListedOnExactlyOneLine()
    {
        var lines = Lines(Help());

        Assert.All(_sut.Root.Options, option =>
            Assert.Single(lines, l => Regex.IsMatch(l, $@"^  (-\S, |    ){Regex.Escape(option.Name)}( |$)")));
        Assert.Single(lines, l => l.StartsWith("  <subreddit[:count]>  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_EveryLine_FitsIn80ColumnsWithoutTrailingSpace()
    {
        var lines = Lines(Help());

        Assert.All(lines, l => Assert.InRange(new StringInfo(l).LengthInTextElements, 0, 80));
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void Help_EveryOptionDescription_FitsOnItsOneLine()
    {
        var lines = Lines(Help());

        // Names start at most six columns in (an option without a short name); a line further in is a description's second line.
        Assert.DoesNotContain(lines, l => l.StartsWith("       ", StringComparison.Ordinal));
    }

    [Fact]
    public void Help_Examples_AreAllThereAsTyped()
    {
        var lines = Lines(Help());

        Assert.Equal(9, CommandDefinition.HelpExamples.Count);
        Assert.All(CommandDefinition.HelpExamples, example => Assert.Contains("  " + example, lines));
        Assert.Contains("  reddittop python:3 programming:4 asyncio:2 dailyprogrammer:1", lines);
        Assert.Contains("  source <(reddittop --completion bash)", lines);
    }

    [Fact]
    public void Help_ExitCodes_AreAllNamed()
    {
        var help = Help();

        Assert.Contains("Exit codes: 0 all subreddits printed, 1 at least one failed", help, StringComparison.Ordinal);
        Assert.Contains("2 usage error, 70 internal error", help, StringComparison.Ordinal);
        Assert.Contains("130 Ctrl+C, 143 SIGTERM.", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NoHeader_NamesTheTextLinesAndTheCsvAndTsvHeaderRow()
    {
        var line = OptionLine(Help(), "--no-header");

        Assert.Contains("text date line or dashes", line, StringComparison.Ordinal);
        Assert.Contains("csv or tsv header row", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Watch_GivesTheRangeItsErrorGives()
    {
        var line = OptionLine(Help(), "--watch SECONDS");
        var error = _sut.Root.Parse(["--watch", "0", "python"]).Errors.Single().Message;

        Assert.Contains("(1-86400)", line, StringComparison.Ordinal);
        Assert.Equal("--watch: '0' is not a whole number of seconds from 1 to 86400", error);
    }

    [Fact]
    public void Render_DescriptionLongerThanALine_WrapsUnderTheDescriptionColumn()
    {
        const string description = "only posts whose flair contains TEXT, in any case, anywhere in the flair, which Reddit sends as the link flair text";
        _sut.Flair.Description = description;

        var lines = Lines(HelpText.Render(_sut));

        var at = lines.FindIndex(l => l.StartsWith("      --flair TEXT ", StringComparison.Ordinal));
        var column = lines[at].IndexOf("only", StringComparison.Ordinal);
        var wrapped = lines.Skip(at + 1).TakeWhile(l => l.StartsWith(new string(' ', column), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(wrapped);
        Assert.All(wrapped, l => Assert.NotEqual(' ', l[column]));
        Assert.All(lines, l => Assert.InRange(l.Length, 0, 80));
        Assert.Equal(description, string.Join(' ', [lines[at][column..], .. wrapped.Select(l => l[column..])]));
    }

    private static List<string> Lines(string text) => [.. text.TrimEnd('\n').Split('\n')];

    /// <summary>The line of the option named <paramref name="names"/> (as the help spells them), trimmed.</summary>
    private static string OptionLine(string help, string names) =>
        Lines(help).Single(l => l.TrimStart().StartsWith(names + "  ", StringComparison.Ordinal)).Trim();

    private string Help()
    {
        using var output = new StringWriter();
        _sut.Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }
}

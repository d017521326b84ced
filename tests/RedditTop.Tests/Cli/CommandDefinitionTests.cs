using System.CommandLine;
using RedditTop.Cli;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Tests.Cli;

/// <summary>The choice options parsed on their own: enums in any case, errors in the tool's words, defaults in lower case.</summary>
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
    [InlineData("--sort", "[default: top]")]
    [InlineData("--time", "[default: day]")]
    [InlineData("--format", "[default: text]")]
    [InlineData("--order", "[default: arrival]")]
    [InlineData("--color", "[default: auto]")]
    public void Help_ChoiceOption_ShowsItsDefaultInLowerCase(string option, string expected)
    {
        using var output = new StringWriter();

        _sut.Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });

        var line = output.ToString().Split('\n').Single(l => l.Contains($"{option} <", StringComparison.Ordinal));
        Assert.EndsWith(expected, line.TrimEnd(), StringComparison.Ordinal);
    }
}

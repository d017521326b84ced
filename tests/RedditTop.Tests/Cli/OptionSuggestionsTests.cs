using RedditTop.Cli;

namespace RedditTop.Tests.Cli;

public sealed class OptionSuggestionsTests
{
    private static readonly string[] Names = new CommandDefinition().Root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToArray();

    [Theory]
    [InlineData("--limt", "--limit")]
    [InlineData("--limt=5", "--limit")]
    [InlineData("--LIMT", "--limit")]
    [InlineData("-limit", "--limit")]
    [InlineData("--lmiit", "--limit")] // two letters swapped, then one more
    [InlineData("--colour", "--color")]
    [InlineData("--sot", "--sort")]
    [InlineData("--verbos", "--verbose")]
    [InlineData("--no-hedaer", "--no-header")]
    [InlineData("--max-con", "--max-concurrency")] // the start of one name
    [InlineData("--new", "--new-only")]
    [InlineData("--formt", "--format")]
    [InlineData("--completions", "--completion")]
    public void For_Typo_SuggestsTheOptionMeant(string typed, string expected)
    {
        Assert.Equal([expected], OptionSuggestions.For(typed, Names));
    }

    [Theory]
    [InlineData("-x")] // a short option is one letter from every other
    [InlineData("--bogus")]
    [InlineData("--no")] // the start of three names
    [InlineData("--nsfw")]
    [InlineData("--")]
    public void For_NothingClose_SuggestsNothing(string typed)
    {
        Assert.Empty(OptionSuggestions.For(typed, Names));
    }

    [Fact]
    public void For_AbsurdlyLongToken_SuggestsNothingAndStaysCheap()
    {
        Assert.Empty(OptionSuggestions.For("--" + new string('l', 1_000_000), Names));
    }

    [Fact]
    public void For_TwoEquallyClose_SuggestsBoth()
    {
        Assert.Equal(["--time", "--tame"], OptionSuggestions.For("--tyme", ["--time", "--tame", "--limit"]));
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "--limit" }, " (did you mean '--limit'?)")]
    [InlineData(new[] { "--time", "--tame" }, " (did you mean '--time' or '--tame'?)")]
    [InlineData(new[] { "--a", "--b", "--c" }, " (did you mean '--a', '--b' or '--c'?)")]
    public void Hint_Suggestions_ReadsAsOneQuestion(string[] suggestions, string expected)
    {
        Assert.Equal(expected, OptionSuggestions.Hint(suggestions));
    }
}

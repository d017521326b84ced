namespace RedditTop.Tests.EndToEnd;

/// <summary>What a user sees for a mistyped command line: one line per problem in the tool's voice, exit code 2.</summary>
public sealed class UsageEndToEndTests
{
    [Fact]
    public async Task Run_MistypedOption_OneLineSuggestingTheOptionAndNothingAboutItsValue()
    {
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--limt", "5", "python");

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("reddittop: unknown option '--limt' (did you mean '--limit'?)\nTry 'reddittop --help' for more information.\n", stderr);
    }

    [Fact]
    public async Task Run_OptionWithoutItsValue_SaysWhatItNeedsInTheToolsVoice()
    {
        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("python:3", "--limit");

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("reddittop: --limit needs a whole number from 1 to 1000\nTry 'reddittop --help' for more information.\n", stderr);
    }
}

using System.Globalization;
using RedditTop.Cli;

namespace RedditTop.Tests.EndToEnd;

/// <summary><c>reddittop --help</c> from the real program: the grouped help on stdout, in 80 columns whatever the terminal's width.</summary>
public sealed class HelpEndToEndTests
{
    [Fact]
    public async Task Run_Help_PrintsTheGroupedHelpIn80ColumnsAndExits0()
    {
        using var process = ReddittopProcess.Start(["--help"], new Dictionary<string, string?> { ["COLUMNS"] = "40" });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal("", process.Stderr);
        Assert.Equal(HelpText.Render(new CommandDefinition()), process.Stdout);
        Assert.StartsWith("Usage: reddittop [options] <subreddit[:count]>...\n", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nNetwork and access:\n", process.Stdout, StringComparison.Ordinal);
        Assert.All(process.Stdout.TrimEnd('\n').Split('\n'), line => Assert.InRange(new StringInfo(line).LengthInTextElements, 0, 80));
    }
}

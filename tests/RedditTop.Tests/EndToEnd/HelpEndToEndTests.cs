using System.Globalization;
using RedditTop.Cli;

namespace RedditTop.Tests.EndToEnd;

/// <summary><c>reddittop --help</c> from the real program: the grouped help on stdout, in 80 columns whatever the terminal's width.</summary>
public sealed class HelpEndToEndTests
{
    [Fact]
    public async Task Run_Help_PrintsTheGroupedHelpIn80ColumnsAndExits0()
    {
        using var process = ReddittopProcess.Start(["--help"], new Dictionary<string, string?> { ["COLUMNS"] = "40", ["XDG_CONFIG_HOME"] = "/nonexistent" });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        Assert.Equal("", process.Stderr);
        var note = ConfigFile.Describe(name => name == "XDG_CONFIG_HOME" ? "/nonexistent" : null, null, ignored: false);
        Assert.Equal(HelpText.Render(new CommandDefinition { ConfigFileNote = note }), process.Stdout);
        Assert.Contains("\nConfig file: /nonexistent/reddittop/config, none there;", process.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Usage: reddittop [options] <subreddit[:count]>...\n", process.Stdout, StringComparison.Ordinal);
        Assert.Contains("\nNetwork and access:\n", process.Stdout, StringComparison.Ordinal);
        Assert.All(process.Stdout.TrimEnd('\n').Split('\n'), line => Assert.InRange(new StringInfo(line).LengthInTextElements, 0, 80));
    }
}

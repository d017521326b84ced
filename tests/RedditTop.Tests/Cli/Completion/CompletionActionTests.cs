using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Cli.Completion;
using RedditTop.Run;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Cli.Completion;

/// <summary><c>--completion SHELL</c> through the whole command: the script on the invocation's output, and its usage errors.</summary>
public sealed class CompletionActionTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _mock.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Theory]
    [InlineData("bash", "--completion", "bash")]
    [InlineData("zsh", "--completion=zsh")]
    [InlineData("fish", "--completion", "FISH")]
    [InlineData("bash", "--completion", "bash", "x", "--sort", "nope", "--bogus")]
    [InlineData("zsh", "--completion", "bash", "--completion", "zsh")]
    [InlineData("bash", "--completion", "bash", "--help")]
    [InlineData("bash", "--help", "--completion", "bash")]
    [InlineData("fish", "--completion", "fish", "--version")]
    public async Task InvokeAsync_KnownShell_WritesItsScriptToTheOutputAndExits0(string shell, params string[] args)
    {
        var anyRequest = _mock.When("*").Respond("application/json", "{}");

        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(CompletionScripts.Generate(Shell(shell), new CommandDefinition().Root), _out.ToString());
        Assert.Equal("", _error.ToString());
        Assert.Equal(0, _mock.GetMatchCount(anyRequest));
    }

    [Theory]
    [InlineData("reddittop: --completion needs one of bash, zsh, fish\n", "--completion")]
    [InlineData("reddittop: --completion needs one of bash, zsh, fish\n", "--completion", "--", "bash")]
    [InlineData("reddittop: --completion: 'tcsh' is not one of bash, zsh, fish\n", "--completion", "tcsh")]
    [InlineData(
        "reddittop: --completion: 'nope' is not one of bash, zsh, fish\nreddittop: 'x' is not a subreddit name: use 2-21 letters, digits or underscores, several joined with '+'\n",
        "--completion", "nope", "x")]
    [InlineData("reddittop: unknown option '--bogus'\nreddittop: --completion: 'nope' is not one of bash, zsh, fish\n", "--bogus", "--completion", "nope")]
    public async Task InvokeAsync_NoKnownShell_ReportsEveryUsageErrorAndExits2(string expected, params string[] args)
    {
        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", _out.ToString());
        Assert.Equal(expected + "Try 'reddittop --help' for more information.\n", _error.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--help", "--completion", "tcsh")]
    [InlineData("--completion", "tcsh", "--help")]
    [InlineData("-h", "--completion")]
    public async Task InvokeAsync_NoKnownShellAndHelp_PrintsHelpAndExits0(params string[] args)
    {
        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.StartsWith("Usage: reddittop ", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _error.ToString());
    }

    [Theory]
    [InlineData("--version", "--completion", "tcsh")]
    [InlineData("--completion", "tcsh", "--version")]
    public async Task InvokeAsync_NoKnownShellAndVersion_PrintsTheVersionAndExits0(params string[] args)
    {
        var exitCode = await InvokeAsync(args);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", _out.ToString());
        Assert.Equal("", _error.ToString());
    }

    private static CompletionShell Shell(string name) =>
        EnumNames.TryParse<CompletionShell>(name, out var shell) ? shell : throw new ArgumentOutOfRangeException(nameof(name), name, null);

    private Task<int> InvokeAsync(params string[] args)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        return RedditTopCommand.InvokeAsync(args, new RunEnvironment(_out, _error, _ => null, time, _mock), CancellationToken.None);
    }
}

using RedditTop.Cli;

namespace RedditTop.Tests.Cli;

public sealed class UsageErrorsTests
{
    [Fact]
    public async Task ReportAsync_MessageQuotingAnEscapeSequence_ReachesStderrCleaned()
    {
        using var error = new StringWriter();

        await UsageErrors.ReportAsync(error, ["--sort: '\u001b]0;PWNED\u0007\u001b[2J' is not one of top, hot"]);

        Assert.DoesNotContain(error.ToString(), c => char.IsControl(c) && c != '\n');
        Assert.StartsWith("reddittop: --sort: ' ]0;PWNED  [2J' is not one of top, hot\n", error.ToString(), StringComparison.Ordinal);
    }
}

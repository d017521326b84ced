using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncBasics.Tests.Examples;

public sealed partial class BlockingExampleTests
{
    [Fact]
    public async Task Run_SlowServer_HeartbeatStopsWhileBlockingAndTicksWhileAwaiting()
    {
        // Act: the server answers after 2 s and the heartbeat is due every 0.4 s. No tick during the blocking request
        // holds by construction (the loop's thread never leaves the call); at least one during the awaited request
        // needs a heartbeat timer to fire within the 1.6 s between its due time and the server's answer, a margin far
        // wider than the scheduling delays of a loaded machine.
        var run = await SampleRun.InProcessAsync("blocking", "--max-delay-ms", "20000");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var loopThread = Assert.Single(run.Lines, line => line.StartsWith("event loop on thread", StringComparison.Ordinal));
        var thread = ThreadPattern().Match(loopThread).Groups[1].Value;
        Assert.Contains("heartbeat every 0.4 s;", loopThread, StringComparison.Ordinal);
        Assert.EndsWith("answers after 2 s", loopThread, StringComparison.Ordinal);

        Assert.Contains(run.Lines, line => line.StartsWith("blocking  file read", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.StartsWith("await     file read", StringComparison.Ordinal) && line.EndsWith($"back on thread {thread}", StringComparison.Ordinal));

        var blockingHttp = Assert.Single(run.Lines, line => line.StartsWith("blocking  HTTP GET", StringComparison.Ordinal));
        Assert.Contains("\"hello from 127.0.0.1\"", blockingHttp, StringComparison.Ordinal);
        Assert.Equal(0, Ticks(blockingHttp));

        var awaitedHttp = Assert.Single(run.Lines, line => line.StartsWith("await     HTTP GET", StringComparison.Ordinal));
        Assert.Contains("\"hello from 127.0.0.1\"", awaitedHttp, StringComparison.Ordinal);
        Assert.True(Ticks(awaitedHttp) > 0, awaitedHttp);
        Assert.EndsWith($"back on thread {thread}", awaitedHttp, StringComparison.Ordinal);
    }

    private static int Ticks(string line) =>
        int.Parse(TicksPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"heartbeat ticks meanwhile: (\d+)")]
    private static partial Regex TicksPattern();

    [GeneratedRegex(@"thread (\d+)")]
    private static partial Regex ThreadPattern();
}

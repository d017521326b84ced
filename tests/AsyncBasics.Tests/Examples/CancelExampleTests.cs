namespace AsyncBasics.Tests.Examples;

public sealed class CancelExampleTests
{
    [Fact]
    public async Task Run_CancelScenarios_ReportsFinalStatusOfEachTask()
    {
        // Act
        var run = await SampleRun.InProcessAsync("cancel", "--max-delay-ms", "1000");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Lines;

        // One task cancelled while it sleeps; it sees the cancellation and cleans up.
        Assert.Contains("sleeper: cancelled while sleeping, cleaning up", lines);
        Assert.Contains("task sleeper: Canceled", lines);

        // Too late: finished before the cancel, keeps its result.
        Assert.Contains("task quick: RanToCompletion, result 42", lines);
        Assert.DoesNotContain("quick: cancelled while sleeping, cleaning up", lines);

        // A group sharing one token: the finished one stays finished, the others are cancelled.
        Assert.Contains("task first: RanToCompletion, result 42", lines);
        Assert.Contains("task second: Canceled", lines);
        Assert.Contains("task third: Canceled", lines);

        // A timeout is a cancel sent by a timer.
        Assert.Contains("task slowpoke: Canceled", lines);
    }
}

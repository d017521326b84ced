namespace AsyncBasics.Tests.Examples;

public sealed class CancelExampleTests
{
    [Fact]
    public async Task Run_CancelScenarios_ReportsFinalStatusOfEachTask()
    {
        // Act: every outcome is fixed by the example's awaits (tasks that get cancelled would sleep an hour), so the
        // delay scale only sets how long the run takes.
        var run = await SampleRun.InProcessAsync("cancel", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Lines;

        // The scenarios in order, each saying what it does.
        Assert.Equal(
            [
                "1. cancel one task (it would sleep an hour; cancelled after 0.04 s):",
                "2. cancel that arrives too late (the task sleeps 0.04 s and is awaited first):",
                "3. cancel a group through one token (first sleeps 0.04 s, the others would sleep an hour):",
                "4. timeout: cancel after 0.04 s (asyncio.wait_for; the task would sleep an hour):",
            ],
            lines.Where(line => line.Length > 2 && char.IsAsciiDigit(line[0]) && line[1] == '.'));

        // The final status of each task, reported in scenario order: the one cancelled while it sleeps; the one that
        // finished before a late cancel and keeps its result; a group sharing one token, where the finished one stays
        // finished and the others are cancelled; and a timeout, which is a cancel sent by a timer.
        Assert.Equal(
            [
                "task sleeper: Canceled",
                "task quick: RanToCompletion, result 42",
                "task first: RanToCompletion, result 42",
                "task second: Canceled",
                "task third: Canceled",
                "task slowpoke: Canceled",
            ],
            lines.Where(line => line.StartsWith("task ", StringComparison.Ordinal)));

        // Exactly the cancelled tasks see the cancellation at their await and clean up.
        Assert.Equal(
            ["second", "sleeper", "slowpoke", "third"],
            lines.Where(line => line.EndsWith(": cancelled while sleeping, cleaning up", StringComparison.Ordinal))
                .Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)])
                .Order(StringComparer.Ordinal));
    }
}

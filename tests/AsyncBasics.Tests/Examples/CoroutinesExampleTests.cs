namespace AsyncBasics.Tests.Examples;

public sealed class CoroutinesExampleTests
{
    [Fact]
    public async Task Run_AnswerTask_PrintsTheAnswerBeforeAwaitAndAfterOtherWork()
    {
        // Act
        var run = await SampleRun.InProcessAsync("coroutines", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Lines.ToList();
        Assert.Equal(3, lines.Count(line => line == "The answer is 42."));

        // 1. An async method runs as soon as it is called: the answer comes before the caller sees the task.
        var firstAnswer = lines.IndexOf("The answer is 42.");
        Assert.Equal("returned a task whose status is already RanToCompletion", lines[firstAnswer + 1]);

        // 2. Started now, awaited later: the task is running but unfinished while the caller does its other work, and
        //    answers only when the caller asks (a signal, not a timer, so the order holds on any machine).
        var started = lines.IndexOf("main: task started, status WaitingForActivation (not finished: it waits until it is asked)");
        Assert.True(started > firstAnswer);
        Assert.Equal(
            [
                "main: doing other work while it waits",
                "main: other work done; asking, then awaiting the task",
                "The answer is 42.",
                "main: awaited it, status RanToCompletion",
            ],
            lines.Skip(started + 1).Take(4));

        // 3. Awaiting a completed task.
        Assert.Contains("IsCompleted before the await: True", lines);
        Assert.Contains("awaited it twice without waiting; same thread before and after: True", lines);
    }
}

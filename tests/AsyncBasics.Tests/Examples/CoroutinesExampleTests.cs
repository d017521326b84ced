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

        // 2. Started now, awaited later: the caller's other work comes first.
        var otherWork = lines.IndexOf("main: doing other work while it waits");
        Assert.True(otherWork > firstAnswer);
        Assert.Equal("The answer is 42.", lines[otherWork + 1]);
        Assert.Equal("main: awaited it, status RanToCompletion", lines[otherWork + 2]);

        // 3. Awaiting a completed task.
        Assert.Contains("IsCompleted before the await: True", lines);
        Assert.Contains("awaited it twice without waiting; same thread before and after: True", lines);
    }
}

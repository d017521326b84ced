namespace AsyncBasics.Tests.Examples;

public sealed class TasksExampleTests
{
    [Fact]
    public async Task Run_FourTasks_AllFinishInOneProcess()
    {
        // Act
        var run = await SampleRun.InProcessAsync("tasks", "--seed", "1", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var workers = WorkerLine.ParseAll(run.Lines);
        Assert.Equal(4, workers.Count);
        Assert.Equal([1, 2, 3, 4], workers.Select(w => w.Worker).Order());
        Assert.All(workers, w => Assert.Equal(Environment.ProcessId, w.Pid));
        Assert.StartsWith("4 workers finished in ", run.Lines[^1], StringComparison.Ordinal);
    }
}

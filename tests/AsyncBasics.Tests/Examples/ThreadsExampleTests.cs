namespace AsyncBasics.Tests.Examples;

public sealed class ThreadsExampleTests
{
    [Fact]
    public async Task Run_FourThreads_OnePidFourThreadIds()
    {
        // Act
        var run = await SampleRun.InProcessAsync("threads", "--seed", "1", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var workers = WorkerLine.ParseAll(run.Lines);
        Assert.Equal(4, workers.Count);
        Assert.Equal([1, 2, 3, 4], workers.Select(w => w.Worker).Order());
        Assert.All(workers, w => Assert.Equal(Environment.ProcessId, w.Pid));
        Assert.Equal(4, workers.Select(w => w.Thread).Distinct().Count());
        Assert.Contains(run.Lines, line => line.StartsWith($"4 threads, 1 PID ({Environment.ProcessId})", StringComparison.Ordinal));
    }
}

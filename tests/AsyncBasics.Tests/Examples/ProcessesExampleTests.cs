namespace AsyncBasics.Tests.Examples;

public sealed class ProcessesExampleTests
{
    [Fact]
    public async Task Run_InProcess_FourWorkersWithFourDistinctPidsOtherThanOurs()
    {
        // Act
        var run = await SampleRun.InProcessAsync("processes", "--seed", "1", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        AssertFourChildProcesses(run, Environment.ProcessId);
    }

    [Fact]
    public async Task Run_AsDotnetDll_ChildrenStartedThroughDotnetHost()
    {
        // Act: `dotnet AsyncBasics.dll processes` must find its own dll to start the children with.
        var run = await SampleRun.AsProcessAsync("processes", "--seed", "2", "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var parentLine = Assert.Single(run.Lines, line => line.Contains("(parent)", StringComparison.Ordinal));
        var parentPid = int.Parse(parentLine.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(Environment.ProcessId, parentPid);
        AssertFourChildProcesses(run, parentPid);
    }

    private static void AssertFourChildProcesses(SampleRun run, int parentPid)
    {
        var workers = WorkerLine.ParseAll(run.Lines);
        Assert.Equal(4, workers.Count);
        Assert.Equal([1, 2, 3, 4], workers.Select(w => w.Worker).Order());
        Assert.Equal(4, workers.Select(w => w.Pid).Distinct().Count());
        Assert.DoesNotContain(parentPid, workers.Select(w => w.Pid));
        Assert.Contains(run.Lines, line => line.StartsWith("4 processes, 4 distinct PIDs", StringComparison.Ordinal));
    }
}

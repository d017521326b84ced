namespace AsyncBasics.Tests;

public sealed class ExampleRunnerTests
{
    private static readonly string[] ExampleNames = ["blocking", "processes", "threads", "tasks", "coroutines", "cancel", "gather"];

    [Fact]
    public async Task RunAsync_NoName_ListsAllSevenExamplesWithDescriptions()
    {
        // Act
        var run = await SampleRun.InProcessAsync();

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        foreach (var name in ExampleNames)
        {
            var line = Assert.Single(run.Lines, line => line.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.True(line.Length > name.Length + 10, $"'{name}' has no description: {line}");
        }

        Assert.DoesNotContain(run.Lines, line => line.StartsWith("worker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Help_ListsExamples()
    {
        var run = await SampleRun.InProcessAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, line => line.StartsWith("gather ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_UnknownName_ReturnsTwoWithMessageOnStderr()
    {
        var run = await SampleRun.InProcessAsync("nosuchexample");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("unknown example 'nosuchexample'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-delay-ms")]
    [InlineData("--seed", "x")]
    [InlineData("--max-delay-ms", "-5")]
    [InlineData("tasks", "--bogus")]
    [InlineData("tasks", "extra")]
    public async Task RunAsync_BadArguments_ReturnsTwo(params string[] args)
    {
        var run = await SampleRun.InProcessAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith("AsyncBasics: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CanceledToken_ReturnsCanceledExitCode()
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Act
        var exitCode = await ExampleRunner.RunAsync(["tasks", "--max-delay-ms", "200"], output, error, new CancellationToken(canceled: true));

        // Assert
        Assert.Equal(ExampleRunner.Canceled, exitCode);
        Assert.Contains("canceled", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Worker_PrintsOneReportLineForThisProcess()
    {
        var run = await SampleRun.InProcessAsync("worker", "3", "20");

        Assert.Equal(0, run.ExitCode);
        var report = WorkerLine.Parse(Assert.Single(run.Lines));
        Assert.Equal(Environment.ProcessId, report.Pid);
        Assert.Equal(3, report.Worker);
        Assert.Equal("0.02 s", report.Slept);
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameDelays()
    {
        var first = await SampleRun.InProcessAsync("gather", "--seed", "7", "--max-delay-ms", "100");
        var second = await SampleRun.InProcessAsync("gather", "--seed", "7", "--max-delay-ms", "100");

        Assert.StartsWith("delays: ", first.Lines[0], StringComparison.Ordinal);
        Assert.Equal(first.Lines[0], second.Lines[0]);
    }
}

namespace AsyncBasics.Tests;

/// <summary>The built program, run the way the README shows (as <c>dotnet AsyncBasics.dll</c>).</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_NoArguments_ListsSevenExamplesAndExitsZero()
    {
        var run = await SampleRun.AsProcessAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var listed = run.Lines
            .SkipWhile(line => line != "examples:")
            .Skip(1)
            .TakeWhile(line => line != "options:")
            .Select(line => line.Split(' ')[0])
            .ToArray();
        Assert.Equal(["blocking", "processes", "threads", "tasks", "coroutines", "cancel", "gather"], listed);
    }

    [Fact]
    public async Task Main_UnknownName_ExitsTwoWithMessageOnStderr()
    {
        var run = await SampleRun.AsProcessAsync("asyncio");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("unknown example 'asyncio'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_Coroutines_PrintsTheAnswer()
    {
        var run = await SampleRun.AsProcessAsync("coroutines", "--max-delay-ms", "100");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The answer is 42.", run.Lines);
    }
}

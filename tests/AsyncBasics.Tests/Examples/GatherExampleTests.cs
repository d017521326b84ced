using System.Globalization;
using AsyncBasics.Examples;

namespace AsyncBasics.Tests.Examples;

public sealed class GatherExampleTests
{
    private static readonly string[] Names = ["A", "B", "C", "D"];

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Run_FourTasksWithShuffledDelays_WhenAllInArgumentOrderEveryResultOnceFailureKeepsOthers(string seed)
    {
        // Act
        var run = await SampleRun.InProcessAsync("gather", "--seed", seed, "--max-delay-ms", "200");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Lines.ToList();
        var delays = ParseDelays(lines[0]);
        var byDelay = Names.OrderBy(name => decimal.Parse(delays[name], CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEqual(Names, byDelay);

        // 1. Task.WhenAll: argument order.
        Assert.Equal(Names.Select(Result), Section(lines, "1. "));

        // 2. Task.WhenEach: every result once. The order is the order in which the timers' tasks completed, which the
        //    tests of the patterns below pin down with tasks completed in a chosen order.
        Assert.Equal(Names.Select(Result), Section(lines, "2. ").Order(StringComparer.Ordinal));

        // 3. One failure reported, the other three results kept.
        var third = Section(lines, "3. ");
        Assert.Equal("3 results kept, 1 failure reported", third[^1]);
        Assert.Equal(
            Names.Select(name => name == "C" ? $"failed: C broke after {delays["C"]} s" : Result(name)).Order(StringComparer.Ordinal),
            third[..^1].Order(StringComparer.Ordinal));

        // 4. await Task.WhenAll throws; the others' results are still there.
        var fourth = Section(lines, "4. ");
        Assert.Equal($"threw InvalidOperationException: C broke after {delays["C"]} s", fourth[0]);
        Assert.Equal($"the other tasks still hold their results: {Result("A")}; {Result("B")}; {Result("D")}", fourth[1]);

        string Result(string name) => $"{name} slept {delays[name]} s";
    }

    [Fact]
    public async Task WriteInArgumentOrderAsync_TasksCompleteOutOfOrder_WritesNothingUntilAllThenArgumentOrder()
    {
        // Arrange
        var sources = NewSources();
        using var output = new StringWriter();

        // Act
        var writing = GatherExample.WriteInArgumentOrderAsync(output, Tasks(sources));
        sources[2].SetResult("C");
        sources[0].SetResult("A");
        sources[3].SetResult("D");
        var beforeLast = output.ToString();
        var completedBeforeLast = writing.IsCompleted;
        sources[1].SetResult("B");
        await writing;

        // Assert
        Assert.Empty(beforeLast);
        Assert.False(completedBeforeLast);
        Assert.Equal(["A", "B", "C", "D"], Lines(output));
    }

    [Fact]
    public async Task WriteInCompletionOrderAsync_TasksCompleteOutOfOrder_WritesInCompletionOrder()
    {
        // Arrange
        var sources = NewSources();
        using var output = new StringWriter();

        // Act: the tasks complete one after another on this thread, so their completion order is exactly C, A, D, B.
        var writing = GatherExample.WriteInCompletionOrderAsync(output, Tasks(sources), CancellationToken.None);
        sources[2].SetResult("C");
        sources[0].SetResult("A");
        sources[3].SetResult("D");
        sources[1].SetResult("B");
        await writing;

        // Assert
        Assert.Equal(["C", "A", "D", "B"], Lines(output));
    }

    [Fact]
    public async Task WriteEachKeepingFailuresAsync_OneTaskFails_ReportsItInCompletionOrderAndKeepsTheOthers()
    {
        // Arrange
        var sources = NewSources();
        using var output = new StringWriter();

        // Act
        var writing = GatherExample.WriteEachKeepingFailuresAsync(output, Tasks(sources), CancellationToken.None);
        sources[0].SetResult("A");
        sources[2].SetException(new InvalidOperationException("C broke"));
        sources[3].SetResult("D");
        sources[1].SetResult("B");
        await writing;

        // Assert
        Assert.Equal(["A", "failed: C broke", "D", "B", "3 results kept, 1 failure reported"], Lines(output));
    }

    [Fact]
    public async Task WriteAllOrFailureAsync_OneTaskFails_WritesTheFailureAndTheResultsTheOthersStillHold()
    {
        // Arrange
        var sources = NewSources();
        using var output = new StringWriter();

        // Act
        var writing = GatherExample.WriteAllOrFailureAsync(output, Tasks(sources));
        sources[3].SetResult("D");
        sources[2].SetException(new InvalidOperationException("C broke"));
        sources[1].SetResult("B");
        sources[0].SetResult("A");
        await writing;

        // Assert
        Assert.Equal(["threw InvalidOperationException: C broke", "the other tasks still hold their results: A; B; D"], Lines(output));
    }

    // Default options: each task completes, and its continuations are notified, inside the SetResult call that
    // completes it, so the order of the calls is the completion order.
    private static TaskCompletionSource<string>[] NewSources() =>
        Names.Select(_ => new TaskCompletionSource<string>()).ToArray();

    private static Task<string>[] Tasks(TaskCompletionSource<string>[] sources) =>
        sources.Select(source => source.Task).ToArray();

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "delays: A 0.3 s, B 0.1 s, C 0.4 s, D 0.2 s"
    private static Dictionary<string, string> ParseDelays(string line)
    {
        Assert.StartsWith("delays: ", line, StringComparison.Ordinal);
        var delays = line["delays: ".Length..]
            .Split(", ")
            .Select(part => part.Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        Assert.Equal(Names, delays.Keys.Order());
        Assert.Equal(4, delays.Values.Select(value => decimal.Parse(value, CultureInfo.InvariantCulture)).Distinct().Count());
        return delays;
    }

    /// <summary>The lines after the heading that starts with <paramref name="heading"/>, up to the next numbered heading.</summary>
    private static List<string> Section(List<string> lines, string heading)
    {
        var start = lines.FindIndex(line => line.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no section '{heading}'");
        return lines.Skip(start + 1).TakeWhile(line => line.Length < 3 || !char.IsAsciiDigit(line[0]) || line[1] != '.').ToList();
    }
}

using System.Globalization;

namespace AsyncBasics.Tests.Examples;

public sealed class GatherExampleTests
{
    private static readonly string[] Names = ["A", "B", "C", "D"];

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Run_FourTasks_WhenAllInArgumentOrderWhenEachInCompletionOrderFailureKeepsOthers(string seed)
    {
        // Act: delays 0.4 s apart, so that a busy machine cannot reorder completions.
        var run = await SampleRun.InProcessAsync("gather", "--seed", seed, "--max-delay-ms", "2000");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        var lines = run.Lines.ToList();
        var delays = ParseDelays(lines[0]);
        var byDelay = Names.OrderBy(name => decimal.Parse(delays[name], CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEqual(Names, byDelay);

        // 1. Task.WhenAll: argument order.
        Assert.Equal(Names.Select(Result), Section(lines, "1. "));

        // 2. Task.WhenEach: completion order, i.e. by delay.
        Assert.Equal(byDelay.Select(Result), Section(lines, "2. "));

        // 3. One failure reported, the other three results kept.
        var third = Section(lines, "3. ");
        Assert.Equal(
            byDelay.Select(name => name == "C" ? $"failed: C broke after {delays["C"]} s" : Result(name)).Append("3 results kept, 1 failure reported"),
            third);

        // 4. await Task.WhenAll throws; the others' results are still there.
        var fourth = Section(lines, "4. ");
        Assert.Equal($"threw InvalidOperationException: C broke after {delays["C"]} s", fourth[0]);
        Assert.Equal($"the other tasks still hold their results: {Result("A")}; {Result("B")}; {Result("D")}", fourth[1]);

        string Result(string name) => $"{name} slept {delays[name]} s";
    }

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

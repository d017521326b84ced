using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncBasics.Tests;

/// <summary>
/// One worker report line, <c>12:01:03 PID 4242 memory 9.8 MB (peak 10.1 MB): worker 2 slept 3 s [on thread 7]</c>.
/// </summary>
internal sealed partial record WorkerLine(int Pid, int Worker, string Slept, int? Thread)
{
    public static bool IsMatch(string line) => Pattern().IsMatch(line);

    public static WorkerLine Parse(string line)
    {
        var match = Pattern().Match(line);
        Assert.True(match.Success, $"not a worker report line: {line}");
        return new WorkerLine(
            int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["worker"].Value, CultureInfo.InvariantCulture),
            match.Groups["slept"].Value,
            match.Groups["thread"].Success ? int.Parse(match.Groups["thread"].Value, CultureInfo.InvariantCulture) : null);
    }

    public static IReadOnlyList<WorkerLine> ParseAll(IEnumerable<string> lines) =>
        lines.Where(IsMatch).Select(Parse).ToList();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d PID (?<pid>\d+) memory \d+\.\d MB \(peak \d+\.\d MB\): worker (?<worker>\d+) slept (?<slept>\d+(\.\d+)? s)( on thread (?<thread>\d+))?$")]
    private static partial Regex Pattern();
}

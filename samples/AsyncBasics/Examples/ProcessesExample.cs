using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AsyncBasics.Support;

namespace AsyncBasics.Examples;

/// <summary>
/// Tutorial step 2: four workers as four processes (Python's <c>multiprocessing.Process</c>). Each child is this
/// program again, started with the hidden <c>worker</c> command; it sleeps 0–5 s and prints its PID and memory.
/// </summary>
internal static partial class ProcessesExample
{
    private const int Workers = 4;

    public static async Task RunAsync(ExampleContext context, CancellationToken cancellationToken)
    {
        var output = context.Output;
        await output.WriteLineAsync($"{context.TimeProvider.GetLocalNow():HH:mm:ss} PID {Environment.ProcessId} (parent) starts {Workers} worker processes");

        // p.start() for each, then p.join() for each: here each child is awaited, not joined, so this thread is free
        // while they run.
        var children = Enumerable.Range(1, Workers)
            .Select(id => RunChildAsync(context, id, context.NextDelay(), cancellationToken))
            .ToArray();
        var reports = await Task.WhenAll(children);

        var total = reports.Sum(report => report.MemoryMegabytes);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Workers} processes, {reports.Select(report => report.Pid).Distinct().Count()} distinct PIDs, {total:0.0} MB together: each loaded its own copy of the runtime"));
    }

    private static async Task<(int Pid, double MemoryMegabytes)> RunChildAsync(ExampleContext context, int id, TimeSpan delay, CancellationToken cancellationToken)
    {
        var startInfo = SelfLauncher.CreateStartInfo([WorkerCommand.Name, $"{id}", $"{(int)delay.TotalMilliseconds}"]);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        using var child = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {startInfo.FileName}");
        try
        {
            var errors = child.StandardError.ReadToEndAsync(cancellationToken);
            var pid = 0;
            var memory = 0.0;

            // Relay the child's report lines as they come (the child prints to its own stdout, as in the tutorial).
            while (await child.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                await context.Output.WriteLineAsync(line);
                if (ReportPattern().Match(line) is { Success: true } match)
                {
                    pid = int.Parse(match.Groups["pid"].ValueSpan, CultureInfo.InvariantCulture);
                    memory = double.Parse(match.Groups["memory"].ValueSpan, CultureInfo.InvariantCulture);
                }
            }

            await child.WaitForExitAsync(cancellationToken);
            var stderr = await errors;
            if (child.ExitCode != 0 || pid == 0)
            {
                throw new InvalidOperationException($"worker {id} (PID {child.Id}) exited with {child.ExitCode}: {stderr}");
            }

            return (pid, memory);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: don't leave the child running (Python's p.terminate()).
            child.Kill();
            throw;
        }
    }

    [GeneratedRegex(@"\bPID (?<pid>\d+) memory (?<memory>\d+(\.\d+)?) MB")]
    private static partial Regex ReportPattern();
}

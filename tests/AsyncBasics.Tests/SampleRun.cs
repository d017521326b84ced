using System.Diagnostics;

namespace AsyncBasics.Tests;

/// <summary>The outcome of one run of the sample: exit code, stdout and stderr.</summary>
internal sealed record SampleRun(int ExitCode, string Output, string Error)
{
    /// <summary>Generous upper bound for one run; the examples take well under a second with the test delays.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Lines { get; } = Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the sample in this process through <see cref="ExampleRunner"/>, capturing its output.</summary>
    public static async Task<SampleRun> InProcessAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var output = new StringWriter();
        using var error = new StringWriter();

        // Task.Run: start on the thread pool with no synchronization context, as in the console program. Otherwise the
        // examples' continuations would queue behind other tests on xunit's two-thread context and their timings drift.
        var exitCode = await Task.Run(() => ExampleRunner.RunAsync(args, output, error, timeout.Token), timeout.Token);
        return new SampleRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built sample as <c>dotnet AsyncBasics.dll args…</c>, the way a user (or its own parent) would.</summary>
    public static async Task<SampleRun> AsProcessAsync(params string[] args)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var startInfo = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(SampleDll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new SampleRun(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>The sample's dll, copied next to the tests by the project reference.</summary>
    private static string SampleDll => typeof(ExampleRunner).Assembly.Location;
}

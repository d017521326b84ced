using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real <c>reddittop</c> program, run as a child process. The test project references the CLI project, so
/// the program built with the tests (<c>reddittop.dll</c> beside the test assembly) is the one every test runs.
/// </summary>
internal sealed partial class ReddittopProcess : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readers;

    private ReddittopProcess(Process process, bool readStdout)
    {
        _process = process;
        _readers = Task.WhenAll(readStdout ? ReadAllAsync(process.StandardOutput, _stdout) : Task.CompletedTask, ReadAllAsync(process.StandardError, _stderr));
    }

    public static string ProgramPath { get; } = Path.Combine(AppContext.BaseDirectory, "reddittop.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>reddittop</c> with <paramref name="args"/>; <paramref name="environment"/> adds or (with null) removes
    /// variables. Without <paramref name="readStdout"/> nobody reads stdout, so the program blocks once the pipe is full.
    /// </summary>
    public static ReddittopProcess Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null, bool readStdout = true)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false, throwOnInvalidBytes: true),
            StandardErrorEncoding = new UTF8Encoding(false, throwOnInvalidBytes: true),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("REDDITTOP_BASE_URL");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return new ReddittopProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start reddittop"), readStdout);
    }

    /// <summary>Runs <c>reddittop</c> to the end.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits until stdout satisfies <paramref name="condition"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForStdoutAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Stdout))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"stdout never matched; stdout so far:\n{Stdout}\nstderr:\n{Stderr}");
            }

            if (_process.HasExited && _readers.IsCompleted && !condition(Stdout))
            {
                throw new InvalidOperationException($"reddittop exited ({_process.ExitCode}) first; stdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the process to exit and for all its output to be read; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await _readers.WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"reddittop did not exit within {timeout}; stdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends a signal: <see cref="Sigint"/> as Ctrl+C in a terminal does, <see cref="Sigterm"/> as <c>kill</c> does.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Closes the read end of stdout, as <c>head</c> does once it has read enough.</summary>
    public void CloseStdout() => _process.StandardOutput.Close();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task ReadAllAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                lock (into)
                {
                    into.Append(buffer, 0, read);
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // The test closed the pipe on purpose (CloseStdout).
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

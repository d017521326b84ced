using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real <c>reddittop</c> program, run as a child process. The test project references the CLI project, so
/// the program built with the tests (<c>reddittop.dll</c> beside the test assembly) is the one every test runs, unless
/// <c>REDDITTOP_UNDER_TEST</c> names another build of it (CI runs the end-to-end tests again on the NativeAOT binary).
/// </summary>
internal sealed partial class ReddittopProcess : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _readers;
    private DirectoryInfo? _ownCache;

    private ReddittopProcess(Process process, bool readStdout)
    {
        _process = process;
        _readers = Task.WhenAll(readStdout ? ReadAllAsync(process.StandardOutput, _stdout) : Task.CompletedTask, ReadAllAsync(process.StandardError, _stderr));
    }

    /// <summary>How the program under test is started: <c>dotnet reddittop.dll</c>, or the binary in <c>REDDITTOP_UNDER_TEST</c>.</summary>
    public static IReadOnlyList<string> Program { get; } =
        Environment.GetEnvironmentVariable("REDDITTOP_UNDER_TEST") is { Length: > 0 } binary
            ? [binary]
            : [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "reddittop.dll")];

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The program's peak resident set size in bytes (<c>VmHWM</c> of <c>/proc/PID/status</c>), as last read by
    /// <see cref="WaitForExitRecordingPeakMemoryAsync"/>; null when it could not be read (not Linux).
    /// </summary>
    public long? PeakResidentBytes { get; private set; }

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
    /// A <paramref name="shellRedirection"/> such as <c>2&gt;/dev/full</c> or <c>2&gt;&amp;-</c> is applied by
    /// <c>/bin/sh</c>, which then becomes the program (exec); a redirected stream reads as empty here. With
    /// <paramref name="inTerminal"/> the program runs on a pseudo-terminal, and <see cref="Stdout"/> holds what the
    /// terminal showed, stderr included. It runs in <paramref name="workingDirectory"/>, or in a new empty folder.
    /// </summary>
    public static ReddittopProcess Start(
        IEnumerable<string> args,
        IDictionary<string, string?>? environment = null,
        bool readStdout = true,
        string? shellRedirection = null,
        bool inTerminal = false,
        string? workingDirectory = null)
    {
        // A test run started in the background of a non-interactive shell inherits SIGINT ignored, as every background
        // job does, and the program would inherit that too; env gives it the default disposition a terminal gives it.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false, throwOnInvalidBytes: true),
            StandardErrorEncoding = new UTF8Encoding(false, throwOnInvalidBytes: true),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        if (shellRedirection is not null)
        {
            start.ArgumentList.Add("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"exec \"$0\" \"$@\" {shellRedirection}");
        }

        foreach (var part in Program)
        {
            start.ArgumentList.Add(part);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (inTerminal)
        {
            // script(1) runs the program on a pseudo-terminal (stdout and stderr both) and copies what it shows.
            var command = string.Join(' ', start.ArgumentList.Skip(1).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
            start.ArgumentList.Clear();
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("script");
            start.ArgumentList.Add("-qec");
            start.ArgumentList.Add("exec " + command);
            start.ArgumentList.Add("/dev/null");
        }

        // Each run starts from nothing of the machine's: no server, no app, no settings (config file, praw.ini, in the
        // folders or in the current one), and a token cache, listing copies and state of its own unless a test shares
        // them between runs.
        foreach (var name in start.Environment.Keys.Where(IsSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        var ownCache = Directory.CreateTempSubdirectory("reddittop-home-");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(ownCache.FullName, "cache");
        start.Environment["XDG_STATE_HOME"] = Path.Combine(ownCache.FullName, "state");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(ownCache.FullName, "config");
        start.WorkingDirectory = workingDirectory ?? ownCache.FullName;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return new ReddittopProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start reddittop"), readStdout) { _ownCache = ownCache };
    }

    /// <summary>A variable of the machine's that would change what the program does: reddittop's own, Reddit's, PRAW's.</summary>
    private static bool IsSetting(string name) =>
        name.StartsWith("REDDITTOP_", StringComparison.Ordinal) && name != "REDDITTOP_UNDER_TEST"
        || name.StartsWith("REDDIT_", StringComparison.Ordinal)
        || name.StartsWith("praw_", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <c>reddittop</c> to the end.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(args, shellRedirection: null);

    /// <summary>Runs <c>reddittop</c> to the end, its streams redirected by the shell (<c>2&gt;/dev/full</c>).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string? shellRedirection)
    {
        using var process = Start(args, shellRedirection: shellRedirection);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits until stdout satisfies <paramref name="condition"/>; fails the test after <paramref name="timeout"/>.</summary>
    public Task WaitForStdoutAsync(Func<string, bool> condition, TimeSpan timeout) => WaitUntilAsync(() => condition(Stdout), timeout);

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test if the program exits first, or after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout) =>
        Poll.UntilAsync(
            condition,
            timeout,
            describe: () => $"stdout so far:\n{Stdout}\nstderr:\n{Stderr}",
            stopped: () => _process.HasExited && _readers.IsCompleted ? $"reddittop exited ({_process.ExitCode}) first; stdout:\n{Stdout}\nstderr:\n{Stderr}" : null);

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

    /// <summary>
    /// <see cref="WaitForExitAsync"/>, reading the program's peak resident set size every few milliseconds while it runs
    /// (<see cref="PeakResidentBytes"/>). The kernel's figure only grows, and is gone once the process has exited, so
    /// the last one read before the exit is kept.
    /// </summary>
    public async Task<int> WaitForExitRecordingPeakMemoryAsync(TimeSpan timeout)
    {
        var exit = WaitForExitAsync(timeout);
        while (!exit.IsCompleted)
        {
            if (ReadPeakResidentBytes() is { } peak)
            {
                PeakResidentBytes = Math.Max(peak, PeakResidentBytes ?? 0);
            }

            await Task.WhenAny(exit, Task.Delay(20));
        }

        return await exit;
    }

    /// <summary>
    /// Whether one of the program's threads is asleep in the kernel writing to a pipe that is full: Linux names the
    /// function it waits in (<c>/proc/PID/task/TID/wchan</c>: <c>pipe_write</c>, <c>anon_pipe_write</c>).
    /// </summary>
    public bool IsBlockedWritingToAPipe()
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{_process.Id}/task")
                .Any(task => File.ReadAllText(Path.Combine(task, "wchan")).Contains("pipe_write", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a thread (or the process) ended while we looked
        }
    }

    /// <summary>Sends a signal: <see cref="Sigint"/> as Ctrl+C in a terminal does, <see cref="Sigterm"/> as <c>kill</c> does.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// Types Ctrl+C on the pseudo-terminal of a program started <c>inTerminal</c>: the terminal, not this test, sends
    /// SIGINT to the program, as it does when a user presses the keys (and shows <c>^C</c>, as it does then).
    /// </summary>
    public void PressCtrlC()
    {
        _process.StandardInput.Write('\u0003');
        _process.StandardInput.Flush();
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
        _ownCache?.Delete(recursive: true);
    }

    /// <summary><c>VmHWM:    81234 kB</c> of <c>/proc/PID/status</c>, in bytes; null once the process is gone (or without /proc).</summary>
    private long? ReadPeakResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["VmHWM:".Length..^"kB".Length], NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended while we looked
        }
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

using System.ComponentModel;
using System.Diagnostics;
using RedditTop.Tests.EndToEnd;

namespace RedditTop.Tests.Support;

/// <summary>
/// A home folder of the test's own for a real shell (bash, zsh, fish), and the shell run in it: its environment is only
/// <c>PATH</c>, <c>HOME</c> and the XDG folders under it, a terminal type and a UTF-8 locale, so none of the user's rc
/// files, completions or settings take part. <c>PATH</c> starts with <see cref="Bin"/>, where <c>reddittop</c> is the
/// program under test, so a script can run it as a user would. A shell that is not installed fails the test, saying
/// what to install; it is never skipped.
/// </summary>
internal sealed class ShellHome : IDisposable
{
    /// <summary>A hang guard: a shell that has not finished by then is killed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-shell-");

    public ShellHome()
    {
        Home = Directory.CreateDirectory(Path.Combine(_root.FullName, "home"), Private).FullName;
        Bin = Directory.CreateDirectory(Path.Combine(_root.FullName, "bin"), Private).FullName;

        var reddittop = Path.Combine(Bin, "reddittop");
        File.WriteAllText(reddittop, "#!/bin/sh\nexec " + string.Join(' ', ReddittopProcess.Program.Select(ShQuote)) + " \"$@\"\n");
        File.SetUnixFileMode(reddittop, Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>The shell's <c>HOME</c> (mode 0700, as compinit wants the folders it reads from).</summary>
    public string Home { get; }

    /// <summary>The first folder of <c>PATH</c>: <c>reddittop</c> in it runs the program under test.</summary>
    public string Bin { get; }

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Runs <paramref name="shell"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, stdin closed.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string shell, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(shell)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Bin + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");
        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(Home, ".local", "share");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(Home, ".cache");
        start.Environment["XDG_STATE_HOME"] = Path.Combine(Home, ".local", "state");
        start.Environment["TERM"] = "xterm";

        // A locale the machine may not have (LANG=de_DE.UTF-8 without its files) would make a shell warn on stderr.
        start.Environment["LC_ALL"] = "C.UTF-8";
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        using var process = Start(start);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            TestContext.Current.CancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{shell} {string.Join(' ', start.ArgumentList)} did not finish within {Patience.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            // The shell is part of what is tested: without it the test fails, and says how to get it.
            Assert.Fail($"Could not start {start.FileName} ({e.Message}): install {start.FileName} (apt-get install -y {start.FileName}).");
            throw;
        }
    }

    /// <summary>A single-quoted sh word.</summary>
    private static string ShQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

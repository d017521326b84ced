using System.Runtime.InteropServices;
using System.Text;
using RedditTop.Cli;
using RedditTop.Run;

namespace RedditTop.Hosting;

/// <summary>
/// The process around the command: the standard streams, the signals and the grace period, and the exit code.
/// </summary>
internal static class ProcessHost
{
    /// <summary>How long a run that was told to stop may take to finish the block it is writing.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(string[] args)
    {
        StandardStreams.ReopenClosedOnDevNull();

        // stdout carries data only and is flushed once per block; stderr carries diagnostics. Both are UTF-8 without a
        // BOM, whatever the locale, so emoji and accents survive pipes and files. A failed write to stderr is dropped
        // (BestEffortStream): it is never reported on stderr again and never changes the exit code.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 64 * 1024);
        var stderr = new StreamWriter(new BestEffortStream(Console.OpenStandardError()), utf8) { AutoFlush = true };

        var environment = new RunEnvironment(
            stdout,
            stderr,
            Environment.GetEnvironmentVariable,
            TimeProvider.System,
            OutIsTerminal: !Console.IsOutputRedirected,
            ErrorIsTerminal: !Console.IsErrorRedirected)
        {
            CurrentDirectory = CurrentDirectoryOrNull(),
        };
        if (RedditTopCommand.OnlyAsksForVersion(args))
        {
            return await RedditTopCommand.InvokeAsync(args, environment, CancellationToken.None); // nothing to cancel
        }

        // Ctrl+C (SIGINT) and SIGTERM cancel the run, which finishes the block it is writing and stops; the exit code
        // says which signal it was. A run that cannot finish its block (the reader stopped reading) is abandoned after
        // the grace period.
        using var cancellation = new CancellationTokenSource();
        var signalExitCode = 0;
        void Stop(PosixSignalContext context, int exitCode)
        {
            context.Cancel = true; // exit through the code below, not the runtime's default
            signalExitCode = exitCode;
            cancellation.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, ExitCodes.Interrupted));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, ExitCodes.Terminated));

        var run = RedditTopCommand.InvokeAsync(args, environment, cancellation.Token);
        if (await Task.WhenAny(run, GracePeriodAfterAsync(cancellation.Token)) != run)
        {
            return signalExitCode;
        }

        var exitCode = await run; // never throws: errors, bugs included, are exit codes
        return signalExitCode != 0 ? signalExitCode : exitCode;
    }

    private static async Task GracePeriodAfterAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        await Task.Delay(GracePeriod, CancellationToken.None);
    }

    /// <summary>The current folder; null when it is gone (removed while the shell stood in it) or cannot be read.</summary>
    private static string? CurrentDirectoryOrNull()
    {
        try
        {
            return Directory.GetCurrentDirectory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

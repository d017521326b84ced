using System.CommandLine;
using System.Reflection;
using System.CommandLine.Invocation;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>The command line: <c>reddittop [options] &lt;subreddit[:count]&gt;...</c>.</summary>
internal static class RedditTopCommand
{
    /// <summary>
    /// Parses and runs the command and returns the exit code: usage errors are reported on stderr and exit with 2, and
    /// an exception (a bug) is reported with its stack trace and exits with 70.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, RunEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            // The rest runs on the thread pool, so the caller's wait for a signal (Hosting) starts now: reading an '@file'
            // that is a FIFO with no writer yet, or any other blocking read of a file, cannot keep Ctrl+C from working.
            // Asked only for the version, nothing can block before it is written: it is answered on the caller's thread,
            // without building the command (measured: the definition was an eighth of --version's CPU).
            if (OnlyAsksForVersion(args))
            {
                environment.Out.WriteLine(Version);
                return FlushOut(environment, ExitCodes.Success);
            }

            await Task.Yield();
            return await ParseAndRunAsync(args, environment, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            await environment.Error.WriteLineAsync($"reddittop: internal error, please report it: {e}");
            await environment.Error.FlushAsync(CancellationToken.None);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// Whether <paramref name="args"/> ask for the version and nothing else: the caller needs no signal handling for
    /// it (Hosting), and <see cref="InvokeAsync"/> answers it without a thread of the pool (measured: a third of
    /// <c>--version</c>'s time was spent starting the signal thread and pool threads and waiting for them).
    /// </summary>
    public static bool OnlyAsksForVersion(string[] args) => args is ["--version"] or ["-V"];

    /// <summary>What <c>--version</c> prints, as System.CommandLine's version option does: the entry assembly's informational version.</summary>
    internal static string Version =>
        Assembly.GetEntryAssembly() is { } entry
            ? entry.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? entry.GetName().Version?.ToString() ?? ""
            : "";

    private static async Task<int> ParseAndRunAsync(string[] args, RunEnvironment environment, CancellationToken cancellationToken)
    {
        var cli = new CommandDefinition();
        var root = cli.Root;

        // The config file's arguments go first, so the command line's win; one that cannot be read is a usage error,
        // unless the command line asks for help, which then says where the file is.
        var ignored = ConfigFile.IsIgnored(args);
        ConfigFile? config = null;
        var configError = ignored ? null : ConfigFile.TryRead(environment.GetEnvironmentVariable, out config, out var error) ? null : error;
        cli.ConfigFileNote = ConfigFile.Describe(environment.GetEnvironmentVariable, config, ignored);

        // An '@file' argument is read as a response file, by our reader: System.CommandLine's reads any file whole (and
        // @/dev/zero until the memory is gone) and lets some reasons a file cannot be read escape as exceptions.
        var commandLine = ConfiguredCommandLine.Parse(cli, config, args, new ParserConfiguration { ResponseFileTokenReplacer = new ResponseFiles().TryReplace });
        var parseResult = commandLine.Result;
        root.SetAction(async (parseResult, token) =>
            RunOptionsBinding.TryBind(commandLine, cli, environment, out var options, out var error)
                ? await Runner.RunAsync(options, environment, token)
                : await UsageErrors.ReportAsync(environment.Error, [error]));

        if (parseResult.Action is ParseErrorAction || parseResult.Action == root.Action)
        {
            var errors = commandLine.UsageErrors(cli);
            if (configError is not null)
            {
                errors.Insert(0, configError);
            }

            if (errors.Count > 0)
            {
                return await UsageErrors.ReportAsync(environment.Error, errors);
            }
        }

        // The host (Hosting/ProcessHost.cs) owns Ctrl+C/SIGTERM (cancellationToken); an exception is a bug, reported as such below, and must not
        // become exit code 1 ("a subreddit failed").
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return FlushOut(environment, await parseResult.InvokeAsync(configuration, cancellationToken));
    }

    /// <summary>
    /// Flushes help and version text (blocks and completion scripts are flushed as they are written) on this thread: a
    /// stream's FlushAsync would only run the same Flush on a thread of the pool. A write that fails is said once.
    /// </summary>
    private static int FlushOut(RunEnvironment environment, int exitCode)
    {
        try
        {
            environment.Out.Flush();
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            return OutputFailure.Report(e, environment.Error.WriteLine) ? ExitCodes.Failed : exitCode;
        }

        return exitCode;
    }
}

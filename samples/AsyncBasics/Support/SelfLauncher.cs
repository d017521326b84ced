using System.Diagnostics;

namespace AsyncBasics.Support;

/// <summary>
/// Builds a <see cref="ProcessStartInfo"/> that starts this program again, however it was started: as its own
/// executable (<c>dotnet run</c> starts the app host <c>AsyncBasics</c>), as <c>dotnet AsyncBasics.dll</c>, or loaded
/// into another .NET process such as a test host. Python's multiprocessing does the same with <c>sys.executable</c>.
/// </summary>
internal static class SelfLauncher
{
    public static ProcessStartInfo CreateStartInfo(IEnumerable<string> arguments)
    {
        var processPath = Environment.ProcessPath;

        // The assembly's path, not Environment.GetCommandLineArgs()[0]: the two agree under `dotnet AsyncBasics.dll`,
        // but only the former is right when another host (a test runner) has loaded this assembly.
        var assemblyPath = typeof(SelfLauncher).Assembly.Location;
        var startInfo = new ProcessStartInfo { UseShellExecute = false };
        if (assemblyPath.Length == 0 && processPath is not null)
        {
            // Single-file publish: the executable is the whole program.
            startInfo.FileName = processPath;
        }
        else if (processPath is not null && IsAppHostOf(processPath, assemblyPath))
        {
            // Our own app host (what `dotnet run` starts).
            startInfo.FileName = processPath;
        }
        else
        {
            // A muxer (`dotnet AsyncBasics.dll`) or a foreign host: run our dll with dotnet.
            startInfo.FileName = DotnetHost(processPath);
            startInfo.ArgumentList.Add(assemblyPath);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>
    /// Whether <paramref name="processPath"/> is the app host of <paramref name="assemblyPath"/>: <c>AsyncBasics</c> for
    /// <c>AsyncBasics.dll</c>, but not a test host such as <c>AsyncBasics.Tests</c>, whose name only looks like one
    /// with an extension.
    /// </summary>
    private static bool IsAppHostOf(string processPath, string assemblyPath) =>
        string.Equals(
            Path.GetFileName(processPath),
            Path.GetFileNameWithoutExtension(assemblyPath) + (OperatingSystem.IsWindows() ? ".exe" : ""),
            StringComparison.OrdinalIgnoreCase);

    private static string DotnetHost(string? processPath)
    {
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // The SDK sets DOTNET_HOST_PATH for the processes it starts (dotnet test, dotnet run).
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}

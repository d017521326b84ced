using System.Diagnostics;
using System.Globalization;

namespace AsyncBasics.Support;

/// <summary>
/// The tutorial's report line: <c>12:01:03 PID 4242 memory 9.8 MB (peak 10.1 MB): worker 2 slept 3 s</c>.
/// </summary>
internal static class WorkerReport
{
    private const double Megabyte = 1024 * 1024;

    public static string Format(TimeProvider timeProvider, int workerId, TimeSpan delay)
    {
        // A fresh Process object reads the current numbers (the tutorial's psutil memory_info()).
        using var self = Process.GetCurrentProcess();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{timeProvider.GetLocalNow():HH:mm:ss} PID {Environment.ProcessId} memory {self.WorkingSet64 / Megabyte:0.0} MB (peak {self.PeakWorkingSet64 / Megabyte:0.0} MB): worker {workerId} slept {Seconds(delay)}");
    }

    /// <summary>"3 s", "0.12 s": whole seconds at the default scale, fractions when the delays are scaled down.</summary>
    public static string Seconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###} s");

    /// <summary>The current process's memory, for summary lines.</summary>
    public static string Memory()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"memory {self.WorkingSet64 / Megabyte:0.0} MB (peak {self.PeakWorkingSet64 / Megabyte:0.0} MB)");
    }
}

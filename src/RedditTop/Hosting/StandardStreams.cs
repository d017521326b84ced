using Microsoft.Win32.SafeHandles;

namespace RedditTop.Hosting;

/// <summary>
/// A standard stream the caller closed (<c>reddittop 2&gt;&amp;-</c>) is opened again on <c>/dev/null</c>, before any
/// other file is opened. Otherwise the next file or stream opened takes its number, and what reddittop writes to
/// stderr would land in it: in stdout, when stdout is duplicated for writing.
/// </summary>
internal static class StandardStreams
{
    private static readonly List<SafeFileHandle> Reopened = [];

    public static void ReopenClosedOnDevNull()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var open = Directory.EnumerateFileSystemEntries("/proc/self/fd").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        for (var fd = 0; fd <= 2; fd++)
        {
            if (!open.Contains(fd.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                // The lowest free number is the one that is missing: the new handle takes it, and is kept for the run.
                Reopened.Add(File.OpenHandle("/dev/null", FileMode.Open, fd == 0 ? FileAccess.Read : FileAccess.Write));
            }
        }
    }
}

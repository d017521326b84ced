using System.Runtime.InteropServices;

namespace RedditTop.Storage;

/// <summary>
/// Why <c>-o</c>'s file cannot be made or written, in the words its error uses after the user's path:
/// <c>no such folder</c>, <c>not a folder</c> (a part of the path is a file), <c>permission denied</c>,
/// <c>read-only file system</c>; anything else as the system says it. Never the name of the temporary file that .NET
/// puts in its own messages.
/// </summary>
internal static class OutputFolder
{
    /// <summary>
    /// Why a file cannot be created in <paramref name="folder"/> by this process, or null when the system says it can,
    /// without making anything there; null also where <see cref="FileFacts.Supported"/> is false.
    /// </summary>
    public static string? Problem(string folder)
    {
        if (!FileFacts.Supported)
        {
            return null;
        }

        // The trailing slash makes the system take the path as a folder: a file there is "not a folder", not "denied".
        var asFolder = Path.EndsInDirectorySeparator(folder) ? folder : folder + "/";
        return Libc.faccessat(Libc.AtCurrentDirectory, asFolder, Libc.MayWrite | Libc.MaySearch, Libc.AtEffectiveIds) == 0
            ? null
            : Reason(Marshal.GetLastPInvokeError());
    }

    /// <summary>An error number from looking at the path or its folder, in those words.</summary>
    public static string Reason(int error) => error switch
    {
        Libc.NoSuchFile => "no such folder",
        Libc.NotADirectory => "not a folder",
        Libc.PermissionDenied or Libc.NotPermitted => "permission denied",
        Libc.ReadOnlyFileSystem => "read-only file system",
        _ => Marshal.GetPInvokeErrorMessage(error),
    };

    /// <summary>
    /// What a failed create, write or rename of the file in <paramref name="folder"/> means: what is wrong with the
    /// folder, if anything now is; otherwise what <paramref name="exception"/> says, without its path.
    /// </summary>
    public static string Reason(Exception exception, string folder) => Problem(folder) ?? exception switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "no such folder",

        // .NET on Unix gives the error number as the HResult of the IOException it makes from one.
        IOException { HResult: > 0 and < 4096 } e => Reason(e.HResult),
        _ => "it cannot be written",
    };
}

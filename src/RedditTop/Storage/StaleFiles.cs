namespace RedditTop.Storage;

/// <summary>
/// Deletes the files of a store that nobody wrote for a while: states of arguments no longer used, copies too old to be
/// of use, temporary files a killed run left. Nothing here throws for the file system: a folder that cannot be listed,
/// or a file that cannot be deleted, stays for a later run.
/// </summary>
internal static class StaleFiles
{
    /// <summary>
    /// Deletes the files of <paramref name="directory"/> that match <paramref name="pattern"/> and <paramref name="include"/>
    /// (by name) and were last written before <paramref name="cutoffUtc"/>.
    /// </summary>
    public static void Delete(string directory, string pattern, DateTime cutoffUtc, Func<string, bool> include)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, pattern))
            {
                // Asked now, not when listed: another run may have just replaced the file. A file gone meanwhile
                // reads as written in 1601, hence the check that it is still there.
                if (include(Path.GetFileName(file)) && File.GetLastWriteTimeUtc(file) < cutoffUtc && File.Exists(file))
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be listed: old files stay until a later run.
        }
    }

    /// <summary>Deletes <paramref name="file"/>, or leaves it for a later run when it cannot be.</summary>
    public static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It stays; a later run tries again.
        }
    }
}

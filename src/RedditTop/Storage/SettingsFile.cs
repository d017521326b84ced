namespace RedditTop.Storage;

/// <summary>
/// Reads a file of the user's settings (the config file, <c>praw.ini</c>): whole and capped at <see cref="MaxBytes"/>,
/// decoded as UTF-8 (a byte order mark says otherwise). Unlike <see cref="PrivateFile"/>, it follows a symbolic link
/// (dotfile managers link these files into place), but it still opens nothing but a regular file: a FIFO would block a
/// cron job until someone writes to it, and a device might never end.
/// </summary>
internal static class SettingsFile
{
    /// <summary>A settings file holds a few lines; a mebibyte is far more than anyone writes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>
    /// The text of <paramref name="path"/>, or null when nothing is there. Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when something is there that cannot be read; <see cref="FileProblems.Words"/> words it.
    /// </summary>
    public static string? Read(string path)
    {
        try
        {
            var facts = FileFacts.Of(path);
            if (facts?.Kind == FileKind.Missing)
            {
                return null;
            }

            if (facts?.Kind == FileKind.Directory || (facts is null && Directory.Exists(path)))
            {
                throw new IOException("it is a folder");
            }

            if (facts?.Kind == FileKind.Special)
            {
                throw new IOException("it is not a regular file");
            }

            using var stream = facts is null
                ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0)
                : PrivateFile.Open(path, followLink: true);
            var content = BoundedRead.ReadAll(stream, MaxBytes) ?? throw new IOException($"it is larger than {ByteSize.Format(MaxBytes)}");
            return BoundedRead.Text(content);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.IO.Hashing;
using System.Text;
using RedditTop.Reddit.Failures;

namespace RedditTop.Storage;

/// <summary>
/// Files only their owner may read, written whole: the token cache and the seen-post state. The directory is made
/// 0700 (also when it was there before) and the file 0600; the content goes to a temporary file of this writer's own,
/// then replaces the file in one rename, so a reader never sees half of it and concurrent writers never corrupt it
/// (the last one wins). The rename replaces whatever is at the path, a symbolic link included, and never writes through
/// it; <see cref="Read"/> does not follow one either.
/// </summary>
internal static class PrivateFile
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Sixteen hex digits that stand for <paramref name="key"/> in a file name, the same in every run, so that neither an
    /// app's id nor a server appears in it. A non-cryptographic hash (XxHash3): nothing depends on it being hard to
    /// invert, and a run over plain http then never loads the TLS library.
    /// </summary>
    public static string NameFor(string key) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="path"/> in <paramref name="directory"/> through <paramref name="write"/>; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, leaving no temporary file.</summary>
    public static void WriteAtomically(string directory, string path, Action<Stream> write)
    {
        // A name of its own for each writer, also for writers in one process: no one writes into another's file. It need
        // not be unguessable (the directory is the user's alone, and the file is created only if nothing is there, a
        // link included), so no cryptographic generator, which would load the TLS library for a file name.
        var temporary = $"{path}.{Environment.ProcessId}.{Random.Shared.NextInt64():x16}.tmp";
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory); // the profile's own permissions apply
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
            File.SetUnixFileMode(directory, DirectoryMode);
            options.UnixCreateMode = FileMode;
        }

        var created = false;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                created = true;
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (created && e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the store's pruning removes old temporary files.
            }

            throw;
        }
    }

    /// <summary>
    /// The whole of <paramref name="path"/>. Throws <see cref="FileNotFoundException"/> when there is none, and
    /// <see cref="IOException"/> when it is a symbolic link (planted there, it could make a run read or parse another
    /// file) or holds more than <paramref name="maxBytes"/> (a device such as <c>/dev/zero</c> never ends).
    /// </summary>
    public static byte[] Read(string path, int maxBytes)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException("it is a symbolic link");
        }

        using var stream = new FileStream(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                throw new IOException($"it is larger than {RedditTop.Reddit.Failures.FailureText.Size(maxBytes)}");
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }
}

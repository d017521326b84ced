using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace RedditTop.Storage;

/// <summary>
/// Names and reads the files only their owner may read: the token cache and the seen-post state. They are written by
/// <see cref="AtomicFile"/> with <see cref="AtomicFileOptions.Private"/> (directory 0700, file 0600, one rename), which
/// replaces a symbolic link at the path instead of writing through it; <see cref="Read"/> does not follow one either.
/// </summary>
internal static class PrivateFile
{
    /// <summary>
    /// Sixteen hex digits that stand for <paramref name="key"/> in a file name, the same in every run, so that neither an
    /// app's id nor a server appears in it. A non-cryptographic hash (XxHash3): nothing depends on it being hard to
    /// invert, and a run over plain http then never loads the TLS library.
    /// </summary>
    public static string NameFor(string key) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)).ToString("x16", CultureInfo.InvariantCulture);

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

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                throw new IOException($"it is larger than {ByteSize.Format(maxBytes)}");
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }
}

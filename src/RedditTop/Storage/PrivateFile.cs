using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RedditTop.Storage;

/// <summary>
/// Names and reads the files only their owner may read: the token cache, the seen-post state and the listing copies. They are written by
/// <see cref="AtomicFile"/> with <see cref="AtomicFileOptions.Private"/> (directory 0700, file 0600, one rename), which
/// replaces a symbolic link at the path instead of writing through it; <see cref="Read"/> does not follow one either,
/// and opens nothing but a regular file.
/// </summary>
internal static class PrivateFile
{
    private const string NotRegular = "it is not a regular file";

    private const UnixFileMode OpenToOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Sixteen hex digits that stand for <paramref name="key"/> in a file name, the same in every run, so that neither an
    /// app's id nor a server appears in it. A non-cryptographic hash (XxHash3): nothing depends on it being hard to
    /// invert, and a run over plain http then never loads the TLS library.
    /// </summary>
    public static string NameFor(string key) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(key)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the files in <paramref name="folder"/> may be trusted: false when it belongs to another user, who could
    /// have put any file there. A folder of this user's that others may enter or write (a 0777 folder) is made 0700
    /// first, as a write would make it. No folder yet, or a system that cannot tell (not Linux): true. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder cannot be looked at or
    /// closed.
    /// </summary>
    public static bool TryClaimFolder(string folder)
    {
        if (FileFacts.Of(folder) is not { Kind: FileKind.Directory } facts)
        {
            return true;
        }

        if (facts.Owner != FileFacts.UserId)
        {
            return false;
        }

        if ((facts.Mode & OpenToOthers) != 0 && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
        }

        return true;
    }

    /// <summary>
    /// The whole of <paramref name="path"/>. Throws <see cref="FileNotFoundException"/> (or
    /// <see cref="DirectoryNotFoundException"/>) when there is none, and <see cref="IOException"/> when it is a symbolic
    /// link (planted there, it could make a run read or parse another file), not a regular file (a FIFO would block the
    /// run until someone writes to it, a device might never end) or holds more than <paramref name="maxBytes"/>.
    /// </summary>
    public static byte[] Read(string path, int maxBytes)
    {
        var facts = FileFacts.OfLink(path);
        if (facts is null ? new FileInfo(path).LinkTarget is not null : facts.Value.Kind == FileKind.SymbolicLink)
        {
            throw new IOException("it is a symbolic link");
        }

        if (facts?.Kind is FileKind.Directory or FileKind.Special)
        {
            throw new IOException(NotRegular);
        }

        using var stream = facts is null ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0) : Open(path);
        return BoundedRead.ReadAll(stream, maxBytes) ?? throw new IOException($"it is larger than {ByteSize.Format(maxBytes)}");
    }

    /// <summary>
    /// <see cref="Read"/>, or null when nothing is at <paramref name="path"/>: most runs find no token, budget or state
    /// file, and a <see cref="FileNotFoundException"/> thrown and caught was a third of a millisecond of every run.
    /// </summary>
    public static byte[]? ReadIfPresent(string path, int maxBytes) =>
        FileFacts.OfLink(path) is { Kind: FileKind.Missing } ? null : Read(path, maxBytes);

    /// <summary>
    /// Opens <paramref name="path"/> for <see cref="Read"/>, which has looked at it, for the case that something else
    /// took its place since: never through a symbolic link (unless <paramref name="followLink"/>), never waiting for a FIFO's writer, and only what one can seek
    /// in (not a FIFO; a device is cut short by the cap). Throws <see cref="IOException"/> otherwise. Linux only.
    /// </summary>
    internal static FileStream Open(string path, bool followLink = false)
    {
        var stream = new FileStream(OpenWithoutWaiting(path, followLink), FileAccess.Read, bufferSize: 0);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new IOException(NotRegular);
        }

        return stream;
    }

    /// <summary><c>open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)</c> (without <c>O_NOFOLLOW</c> when <paramref name="followLink"/>), with the exceptions .NET's own open throws.</summary>
    private static SafeFileHandle OpenWithoutWaiting(string path, bool followLink)
    {
        var descriptor = Libc.open(path, Libc.ReadOnly | Libc.NonBlocking | (followLink ? 0 : Libc.NoFollow) | Libc.CloseOnExec, 0);
        if (descriptor >= 0)
        {
            return new SafeFileHandle(descriptor, ownsHandle: true);
        }

        var error = Marshal.GetLastPInvokeError();
        throw error switch
        {
            Libc.NoSuchFile => new FileNotFoundException($"Could not find file '{path}'.", path),
            Libc.NotADirectory => new DirectoryNotFoundException($"Could not find a part of the path '{path}'."),
            Libc.PermissionDenied or Libc.NotPermitted => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
            Libc.TooManyLinks => new IOException("it is a symbolic link"),
            _ => new IOException(Marshal.GetPInvokeErrorMessage(error)),
        };
    }
}

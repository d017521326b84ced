using System.Runtime.InteropServices;

namespace RedditTop.Storage;

/// <summary>
/// The C library calls reddittop's files need where .NET has none (a FIFO or a device told from a file, an open that
/// neither waits nor follows a link, an owner kept, whether a folder may be written), with Linux's values: one place
/// for every one of them. The flags and error numbers are those of the generic Linux ABI, the same on every
/// architecture .NET runs on, but for <see cref="NoFollow"/>.
/// </summary>
internal static partial class Libc
{
    public const int ReadOnly = 0x0;
    public const int WriteOnly = 0x1;
    public const int NoControllingTerminal = 0x100;
    public const int NonBlocking = 0x800;
    public const int CloseOnExec = 0x80000;

    public const int AtCurrentDirectory = -100; // AT_FDCWD: a relative path is from the current folder
    public const int AtEffectiveIds = 0x200; // AT_EACCESS: faccessat asks as the user the process acts as

    public const int MayWrite = 2; // W_OK
    public const int MaySearch = 1; // X_OK: for a folder, may its entries be reached

    public const int GetFlags = 3;
    public const int SetFlags = 4;

    public const int NotPermitted = 1;
    public const int NoSuchFile = 2;
    public const int Interrupted = 4;
    public const int NoSuchDeviceOrAddress = 6; // ENXIO: a FIFO nobody reads, opened with O_NONBLOCK (also a socket)
    public const int PermissionDenied = 13;
    public const int NotADirectory = 20;
    public const int ReadOnlyFileSystem = 30;
    public const int TooManyLinks = 40; // ELOOP: also a link met with O_NOFOLLOW

    /// <summary><c>O_NOFOLLOW</c>, the one flag here whose value depends on the processor.</summary>
    public static int NoFollow { get; } =
        RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Armv6 or Architecture.Arm64 or Architecture.Ppc64le
            ? 0x8000
            : 0x20000;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int descriptor, int command, int argument);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int statx(int directory, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int faccessat(int directory, string path, int mode, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int lchown(string path, uint owner, uint group);

    [LibraryImport("libc")]
    public static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr realpath(string path, IntPtr resolved);
}

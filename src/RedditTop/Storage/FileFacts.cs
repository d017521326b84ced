using System.Runtime.InteropServices;

namespace RedditTop.Storage;

/// <summary>What sits at a path, as far as a file reddittop reads or writes needs to know.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when the link itself is asked about).</summary>
    SymbolicLink,

    /// <summary>A FIFO, a character or block device, or a socket: opening or reading it may block or never end.</summary>
    Special,
}

/// <summary>
/// The type, permissions, owner and link count of what is at a path, from <c>statx(2)</c>, whose layout is the same on
/// every Linux architecture. .NET's own file APIs cannot tell a FIFO or a device from a regular file, and opening a FIFO
/// blocks until someone opens its other end: a file reddittop reads or replaces is looked at with this first.
/// </summary>
internal readonly partial record struct FileFacts(FileKind Kind, UnixFileMode Mode, uint Owner, uint Group, uint Links)
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>Whether this system can answer (Linux with a C library that has <c>statx</c>); elsewhere the callers keep .NET's behaviour.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>What is at <paramref name="path"/>, a symbolic link as itself; null where <see cref="Supported"/> is false. Throws <see cref="IOException"/> when the path cannot be looked at (no permission, a name too long).</summary>
    public static FileFacts? OfLink(string path) => Get(path, AtSymlinkNoFollow);

    /// <summary>What is at <paramref name="path"/> after following every symbolic link; null where <see cref="Supported"/> is false.</summary>
    public static FileFacts? Of(string path) => Get(path, 0);

    /// <summary>The user this process acts as (its effective user id), the owner its own files and folders have; 0 where <see cref="Supported"/> is false.</summary>
    public static uint UserId => Supported ? Native.geteuid() : 0;

    /// <summary>Gives <paramref name="path"/> (not a link's target) to <paramref name="owner"/> and <paramref name="group"/>; false when the process may not, which is not an error.</summary>
    public static bool TryChangeOwner(string path, uint owner, uint group) =>
        Supported && Native.lchown(path, owner, group) == 0;

    private static FileFacts? Get(string path, int flags)
    {
        if (!Supported)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        if (Native.statx(AtCurrentDirectory, path, flags, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotADirectory
                ? new FileFacts(FileKind.Missing, 0, 0, 0, 0)
                : throw new IOException(Marshal.GetPInvokeErrorMessage(error));
        }

        var mode = BitConverter.ToUInt16(buffer[28..30]);
        var kind = (mode & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            LinkType => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
        return new FileFacts(
            kind,
            (UnixFileMode)(mode & 0xFFF),
            Owner: BitConverter.ToUInt32(buffer[20..24]),
            Group: BitConverter.ToUInt32(buffer[24..28]),
            Links: BitConverter.ToUInt32(buffer[16..20]));
    }

    private static bool Probe()
    {
        try
        {
            Span<byte> buffer = stackalloc byte[256];
            return Native.statx(AtCurrentDirectory, "/", 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int statx(int directory, string path, int flags, uint mask, ref byte buffer);

        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int lchown(string path, uint owner, uint group);

        [LibraryImport("libc")]
        public static partial uint geteuid();
    }
}

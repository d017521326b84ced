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
internal readonly record struct FileFacts(FileKind Kind, UnixFileMode Mode, uint Owner, uint Group, uint Links)
{
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>Whether this system can answer (Linux with a C library that has <c>statx</c>); elsewhere the callers keep .NET's behaviour.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>What is at <paramref name="path"/>, a symbolic link as itself; null where <see cref="Supported"/> is false. Throws <see cref="IOException"/> when the path cannot be looked at (no permission, a name too long), its <see cref="Exception.HResult"/> the error number.</summary>
    public static FileFacts? OfLink(string path) => Get(path, AtSymlinkNoFollow);

    /// <summary>What is at <paramref name="path"/> after following every symbolic link; null where <see cref="Supported"/> is false. Throws as <see cref="OfLink"/> does.</summary>
    public static FileFacts? Of(string path) => Get(path, 0);

    /// <summary>
    /// Whether <paramref name="path"/>, after following every symbolic link, is a FIFO (a named pipe), which cannot be
    /// opened for writing without blocking until something opens it for reading; false where <see cref="Supported"/> is
    /// false, when nothing is there, or when the path cannot be looked at.
    /// </summary>
    public static bool IsFifo(string path)
    {
        Span<byte> buffer = stackalloc byte[StatxSize];
        return Supported && Statx(path, 0, buffer) && (ModeOf(buffer) & TypeMask) == FifoType;
    }

    /// <summary>The user this process acts as (its effective user id), the owner its own files and folders have; 0 where <see cref="Supported"/> is false.</summary>
    public static uint UserId => Supported ? Libc.geteuid() : 0;

    /// <summary>Gives <paramref name="path"/> (not a link's target) to <paramref name="owner"/> and <paramref name="group"/>; false when the process may not, which is not an error.</summary>
    public static bool TryChangeOwner(string path, uint owner, uint group) =>
        Supported && Libc.lchown(path, owner, group) == 0;

    private static FileFacts? Get(string path, int flags)
    {
        if (!Supported)
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        if (!Statx(path, flags, buffer))
        {
            var error = Marshal.GetLastPInvokeError();
            return error is Libc.NoSuchFile or Libc.NotADirectory
                ? new FileFacts(FileKind.Missing, 0, 0, 0, 0)
                : throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
        }

        var mode = ModeOf(buffer);
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
            Span<byte> buffer = stackalloc byte[StatxSize];
            return Statx("/", 0, buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary><c>statx(2)</c> of <paramref name="path"/> into <paramref name="buffer"/> (<see cref="StatxSize"/> bytes); false with the error in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
    private static bool Statx(string path, int flags, Span<byte> buffer) =>
        Libc.statx(Libc.AtCurrentDirectory, path, flags, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) == 0;

    /// <summary><c>stx_mode</c>: the file's type and permission bits.</summary>
    private static ushort ModeOf(ReadOnlySpan<byte> buffer) => BitConverter.ToUInt16(buffer[28..30]);
}

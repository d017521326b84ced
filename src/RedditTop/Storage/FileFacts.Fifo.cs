using System.Runtime.InteropServices;

namespace RedditTop.Storage;

/// <summary>The one question <see cref="FileKind.Special"/> leaves open for <c>-o</c>: whether the file is a FIFO.</summary>
internal readonly partial record struct FileFacts
{
    private const int FifoType = 0x1000;

    /// <summary>
    /// Whether <paramref name="path"/>, after following every symbolic link, is a FIFO (a named pipe), which cannot be
    /// opened for writing without blocking until something opens it for reading; false where <see cref="Supported"/> is
    /// false, when nothing is there, or when the path cannot be looked at.
    /// </summary>
    public static bool IsFifo(string path)
    {
        if (!Supported)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[256];
        return Native.statx(AtCurrentDirectory, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) == 0
            && (BitConverter.ToUInt16(buffer[28..30]) & TypeMask) == FifoType;
    }
}

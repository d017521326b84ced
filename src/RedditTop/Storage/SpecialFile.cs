using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RedditTop.Storage;

/// <summary>
/// Opens a FIFO or a device (<see cref="FileKind.Special"/>) for writing in place, as a shell's <c>&gt;</c> does, but
/// without ever blocking in <c>open(2)</c>: a FIFO cannot be opened for writing until something opens it for reading,
/// and a thread stuck there could not be told to stop. It is opened with <c>O_NONBLOCK</c>, which fails at once while
/// nobody reads; then it is tried again every 50 ms until a reader comes or the caller gives up. Once open, the file
/// is made blocking again, so a write waits for a slow reader as a write to stdout does.
/// </summary>
internal static partial class SpecialFile
{
    // The values of the generic Linux ABI, the same on every architecture .NET runs on (x64, Arm, s390x, ppc64le, RISC-V, LoongArch).
    private const int WriteOnly = 0x1;
    private const int NoControllingTerminal = 0x100;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int GetFlags = 3;
    private const int SetFlags = 4;
    private const int Interrupted = 4;
    private const int NoReader = 6; // ENXIO: a FIFO nobody reads, opened with O_NONBLOCK (also a socket, or a device with no driver)

    private static readonly TimeSpan ReaderPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// <paramref name="path"/> open for writing, from its start and without truncating it; for a FIFO, once a reader has
    /// opened it. Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first,
    /// and <see cref="IOException"/> naming the path when it cannot be opened (no permission, a socket). Linux only
    /// (<see cref="FileFacts.Supported"/>).
    /// </summary>
    public static async Task<FileStream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        bool? fifo = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var descriptor = Native.open(path, WriteOnly | NonBlocking | NoControllingTerminal | CloseOnExec, 0);
            if (descriptor >= 0)
            {
                return Wrap(descriptor, path);
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == Interrupted)
            {
                continue;
            }

            if (error != NoReader || !(fifo ??= FileFacts.IsFifo(path)))
            {
                throw Failure(path, error);
            }

            await Task.Delay(ReaderPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static FileStream Wrap(int descriptor, string path)
    {
        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            var flags = Native.fcntl(descriptor, GetFlags, 0);
            if (flags < 0 || Native.fcntl(descriptor, SetFlags, flags & ~NonBlocking) < 0)
            {
                throw Failure(path, Marshal.GetLastPInvokeError());
            }

            // No buffer of the stream's own: what the writer above it flushes goes to the file at once.
            return new FileStream(handle, FileAccess.Write, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static IOException Failure(string path, int error) => new($"'{path}': {Marshal.GetPInvokeErrorMessage(error)}");

    private static partial class Native
    {
        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int open(string path, int flags, int mode);

        [LibraryImport("libc", SetLastError = true)]
        public static partial int fcntl(int descriptor, int command, int argument);
    }
}

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
internal static class SpecialFile
{
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
            var descriptor = Libc.open(path, Libc.WriteOnly | Libc.NonBlocking | Libc.NoControllingTerminal | Libc.CloseOnExec, 0);
            if (descriptor >= 0)
            {
                return Wrap(descriptor, path);
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == Libc.Interrupted)
            {
                continue;
            }

            if (error != Libc.NoSuchDeviceOrAddress || !(fifo ??= FileFacts.IsFifo(path)))
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
            var flags = Libc.fcntl(descriptor, Libc.GetFlags, 0);
            if (flags < 0 || Libc.fcntl(descriptor, Libc.SetFlags, flags & ~Libc.NonBlocking) < 0)
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
}

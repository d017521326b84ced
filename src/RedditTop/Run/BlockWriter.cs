using System.Text;
using RedditTop.Reddit.Failures;
using RedditTop.Storage;

namespace RedditTop.Run;

/// <summary>
/// Where a round's output goes, stdout or the <c>-o</c> file, written one whole piece at a time: each piece is
/// appended to <see cref="Pending"/>, then written and flushed whole, and the buffer is reused. A piece that has begun
/// is always finished, even on Ctrl+C, so a file or pipe never holds half a block. A file replaces the one at its path
/// only when the round commits it; a FIFO or device gets each piece as stdout does (<see cref="OutputFile"/>).
/// </summary>
internal sealed class BlockWriter : IAsyncDisposable
{
    /// <summary>Clears a terminal and puts the cursor at the top, as <c>watch</c> does before each round.</summary>
    private const string ClearScreen = "\u001b[H\u001b[2J";

    private readonly OutputFile? _file;
    private readonly TextWriter _writer;

    private BlockWriter(OutputFile? file, TextWriter writer)
    {
        _file = file;
        _writer = writer;
    }

    /// <summary>The piece being made; emptied each time it is written.</summary>
    public StringBuilder Pending { get; } = new(16 * 1024);

    /// <summary>
    /// Opens the round's output; a terminal watched round by round is cleared first. A FIFO at <paramref name="path"/>
    /// is waited for until something reads it, at most until the round's <paramref name="deadline"/> (by
    /// <paramref name="time"/>): then it is an <see cref="IOException"/> naming the path, an output that cannot be
    /// written. Ctrl+C ends the wait too (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static async Task<BlockWriter> OpenAsync(string? path, TextWriter stdout, bool clearScreen, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        if (clearScreen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await stdout.WriteAsync(ClearScreen.AsMemory(), CancellationToken.None);
            await stdout.FlushAsync(CancellationToken.None);
        }

        var file = path is null ? null : await OpenFileAsync(path, deadline, time, cancellationToken);
        return new BlockWriter(file, file?.Writer ?? stdout);
    }

    /// <summary>Writes and flushes <see cref="Pending"/> whole, then empties it for the next piece.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Pending.Length == 0)
        {
            return;
        }

        try
        {
            await _writer.WriteAsync(Pending, CancellationToken.None);
            await _writer.FlushAsync(CancellationToken.None);
        }
        catch (Exception e) when (_file is { IsStreamed: false } && OutputFailure.IsWriteFailure(e))
        {
            throw _file.Failure(e); // the user's path and why, not the temporary file's
        }

        Pending.Clear();
    }

    /// <summary>Puts the file in place of the one at its path; nothing to do for stdout, a FIFO or a device.</summary>
    public async Task CommitAsync()
    {
        if (_file is not null)
        {
            await _file.CommitAsync();
        }
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<OutputFile> OpenFileAsync(string path, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadlineReached = new CancellationTokenSource(deadline, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineReached.Token);
        try
        {
            return await OutputFile.OpenAsync(path, either.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"'{path}': nothing opened the FIFO for reading before the deadline of {FailureText.Seconds(deadline)} s", e);
        }
    }
}

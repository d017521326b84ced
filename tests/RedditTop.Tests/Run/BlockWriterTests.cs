using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Run;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Run;

/// <summary>The round's output opened on a FIFO: streamed to its reader, and a reader that never comes ends the wait at the deadline.</summary>
public sealed class BlockWriterTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-blocks-");
    private readonly string _fifo;

    public BlockWriterTests()
    {
        _fifo = Path.Combine(_folder.FullName, "fifo");
        HostileFiles.MakeFifo(_fifo);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_ToAFifo_ReachesTheReaderPieceByPiece()
    {
        var opening = Task.Run(() => new StreamReader(_fifo), Cancellation);

        await using (var sut = await BlockWriter.OpenAsync(_fifo, TextWriter.Null, clearScreen: false, Deadline, TimeProvider.System, Cancellation).WaitAsync(Patience, Cancellation))
        {
            using var reader = await opening.WaitAsync(Patience, Cancellation);
            sut.Pending.Append("/r/python:\n");
            await sut.WriteAsync(Cancellation);
            Assert.Equal("/r/python:", await reader.ReadLineAsync(Cancellation).AsTask().WaitAsync(Patience, Cancellation));
            sut.Pending.Append("/r/rust:\n");
            await sut.WriteAsync(Cancellation);
            Assert.Equal("/r/rust:", await reader.ReadLineAsync(Cancellation).AsTask().WaitAsync(Patience, Cancellation));
            await sut.CommitAsync();
        }
    }

    [Fact]
    public async Task OpenAsync_FifoNobodyReadsUntilTheDeadline_ThrowsAnIOExceptionNamingThePath()
    {
        var time = new FakeTimeProvider();

        var opening = BlockWriter.OpenAsync(_fifo, TextWriter.Null, clearScreen: false, TimeSpan.FromSeconds(2.5), time, Cancellation);
        await Task.Delay(100, Cancellation);
        Assert.False(opening.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2.5));

        var error = await Assert.ThrowsAsync<IOException>(() => opening.WaitAsync(Patience, Cancellation));
        Assert.Equal($"'{_fifo}': nothing opened the FIFO for reading before the deadline of 2.5 s", error.Message);
        Assert.Equal([_fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_FifoNobodyReadsAndCtrlC_IsCancelledNotAnOutputError()
    {
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var opening = BlockWriter.OpenAsync(_fifo, TextWriter.Null, clearScreen: false, Deadline, TimeProvider.System, interrupt.Token);
        await Task.Delay(100, Cancellation);
        await interrupt.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening.WaitAsync(Patience, Cancellation));
    }
}

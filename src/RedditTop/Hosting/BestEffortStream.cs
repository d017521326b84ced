using RedditTop.Run;

namespace RedditTop.Hosting;

/// <summary>
/// The stream under stderr. A write that fails (<c>2&gt;/dev/full</c>, <c>2&gt;&amp;-</c>) is dropped, and so is
/// every write after it: there is nowhere left to report it, and a diagnostic that cannot be shown must not change
/// how the run ends.
/// </summary>
internal sealed class BestEffortStream(Stream inner) : Stream
{
    private bool _broken;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            _broken = true;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            _broken = true;
        }
    }

    public override void Flush() => Try(inner.Flush);

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Try(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    private void Try(Action write)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (OutputFailure.IsWriteFailure(e))
        {
            _broken = true;
        }
    }
}

using Polly.Timeout;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The one way a response body is read, listings, token answers and error bodies alike: a read-only stream that
/// throws <see cref="ResponseTooLargeException"/> once more than <see cref="BodyLimits.MaxBytes"/> have come (or a
/// <c>Content-Length</c> says they will), and <see cref="TimeoutRejectedException"/> when the whole body has not come
/// within <see cref="BodyLimits.Timeout"/> of <see cref="OpenAsync"/>. A body that drips or stalls cannot hold a run,
/// and none is ever buffered unbounded.
/// </summary>
internal sealed class ResponseBody : Stream
{
    private readonly Stream _inner;
    private readonly BodyLimits _limits;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _opened;
    private long _read;
    private int _firstByte = -1;

    private ResponseBody(Stream inner, BodyLimits limits, CancellationTokenSource timer, CancellationToken opened)
    {
        _inner = inner;
        _limits = limits;
        _timer = timer;
        _opened = opened;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(opened, timer.Token);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>The body's first byte, once one has been read; -1 before.</summary>
    public int FirstByte => _firstByte;

    /// <summary>Opens the body of <paramref name="response"/>; its time starts now.</summary>
    public static async Task<ResponseBody> OpenAsync(HttpResponseMessage response, BodyLimits limits, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > limits.MaxBytes)
        {
            throw new ResponseTooLargeException(limits.MaxBytes);
        }

        var timer = new CancellationTokenSource(limits.Timeout, timeProvider);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseBody(stream, limits, timer, cancellationToken);
        }
        catch
        {
            timer.Dispose();
            throw;
        }
    }

    /// <summary>Wraps any stream the same way (a test's body, a benchmark's).</summary>
    public static ResponseBody Over(Stream stream, BodyLimits limits, TimeProvider timeProvider) =>
        new(stream, limits, new CancellationTokenSource(limits.Timeout, timeProvider), CancellationToken.None);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>A synchronous read has the size cap but cannot be timed out; the async path is the one used.</summary>
    public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // The common case reads with the token the body was opened with: one linked source serves every read.
        var linked = cancellationToken == _opened || !cancellationToken.CanBeCanceled
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            var read = await _inner.ReadAsync(buffer, linked?.Token ?? _stop.Token).ConfigureAwait(false);
            if (_firstByte < 0 && read > 0)
            {
                _firstByte = buffer.Span[0];
            }

            return Count(read);
        }
        catch (Exception e) when (e is not ResponseTooLargeException && _timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested && !_opened.IsCancellationRequested)
        {
            throw new TimeoutRejectedException("the body did not arrive in time", _limits.Timeout, e);
        }
        catch (InvalidOperationException e)
        {
            // BrotliStream's word for a body that does not decompress; gzip and deflate say InvalidDataException.
            throw new InvalidDataException(e.Message, e);
        }
        finally
        {
            linked?.Dispose();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _stop.Dispose();
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        return _read > _limits.MaxBytes ? throw new ResponseTooLargeException(_limits.MaxBytes) : read;
    }
}

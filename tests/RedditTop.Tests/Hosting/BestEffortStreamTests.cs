using System.Text;
using RedditTop.Cli;
using RedditTop.Hosting;

namespace RedditTop.Tests.Hosting;

public sealed class BestEffortStreamTests
{
    [Fact]
    public void Write_InnerWorks_PassesTheBytesOn()
    {
        using var inner = new MemoryStream();
        using var writer = new StreamWriter(new BestEffortStream(inner), Encoding.UTF8, leaveOpen: true) { AutoFlush = true };

        writer.Write("reddittop: r/x: not found (HTTP 404)\n");

        Assert.Equal("reddittop: r/x: not found (HTTP 404)\n", Encoding.UTF8.GetString(inner.ToArray()).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task WriteAsync_InnerFails_DropsThisAndEveryLaterWriteWithoutThrowing()
    {
        var inner = new FullStream();
        await using var writer = new StreamWriter(new BestEffortStream(inner)) { AutoFlush = true };

        await writer.WriteLineAsync("first");
        await writer.WriteLineAsync("second");
        writer.WriteLine("third");
        await writer.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, inner.Attempts); // after the first failure nothing more is tried
    }

    [Fact]
    public void Write_InnerClosed_IsDroppedWithoutThrowing()
    {
        var inner = new FullStream(new UnauthorizedAccessException("Access to the path is denied.")); // EBADF, as with 2>&-
        using var writer = new StreamWriter(new BestEffortStream(inner)) { AutoFlush = true };

        writer.WriteLine("reddittop: r/x: not found (HTTP 404)");

        Assert.Equal(1, inner.Attempts);
    }

    /// <summary>A stream whose every write fails, as stderr on a full disk (<c>2&gt;/dev/full</c>) does.</summary>
    private sealed class FullStream(Exception? failure = null) : MemoryStream
    {
        public int Attempts { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Fail();

        public override void Write(byte[] buffer, int offset, int count) => Fail();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Fail();
            return ValueTask.CompletedTask;
        }

        private void Fail()
        {
            Attempts++;
            throw failure ?? new IOException("No space left on device");
        }
    }
}

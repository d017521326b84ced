using System.Globalization;
using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(16L << 20, "16 MiB")]
    [InlineData(4L << 20, "4 MiB")]
    [InlineData(1L << 20, "1 MiB")]
    [InlineData(512L << 10, "512 KiB")]
    [InlineData(64L << 10, "64 KiB")]
    [InlineData(1536L << 10, "1536 KiB")]
    [InlineData(1024, "1 KiB")]
    [InlineData(1000, "1000 bytes")]
    [InlineData(1025, "1025 bytes")]
    [InlineData(100, "100 bytes")]
    [InlineData(1, "1 bytes")]
    [InlineData(0, "0 bytes")]
    [InlineData(5L << 30, "5120 MiB")]
    public void Format_Bytes_WholeMebibytesKibibytesOrExactBytes(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));

    [Fact]
    public void Format_AnyCulture_DigitsWithoutSeparators()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");

            Assert.Equal("1234567 bytes", ByteSize.Format(1_234_567));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}

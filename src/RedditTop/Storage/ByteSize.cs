using System.Globalization;

namespace RedditTop.Storage;

/// <summary>Byte counts as people read them in a message: <c>16 MiB</c>, <c>512 KiB</c>, <c>100 bytes</c>.</summary>
internal static class ByteSize
{
    /// <summary>
    /// Whole mebibytes or kibibytes when <paramref name="bytes"/> is an exact multiple of one (a limit usually is),
    /// otherwise the exact count of bytes, so the text never rounds: <c>1 MiB</c>, <c>1536 KiB</c>, <c>1000 bytes</c>.
    /// </summary>
    public static string Format(long bytes) =>
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB")
        : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}

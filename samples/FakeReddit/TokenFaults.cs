using System.IO.Compression;
using System.Text;

namespace FakeReddit;

/// <summary>How the token endpoint writes its answer with a <see cref="TokenFault"/>.</summary>
public static class TokenFaults
{
    /// <summary>The pause between two bytes of a <see cref="TokenFault.Drip"/> answer.</summary>
    public static readonly TimeSpan DripInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>What a <see cref="TokenFault.GzipBomb"/> decompresses to: 1 GiB.</summary>
    public const long BombExpandedBytes = 1L << 30;

    private const int MemberExpandedBytes = 1 << 20;

    private static readonly Lazy<byte[]> Member = new(CompressSpaces);

    /// <summary>One gzip member of 1 MiB of spaces; the bomb is this, <see cref="BombExpandedBytes"/> / 1 MiB times over.</summary>
    public static ReadOnlyMemory<byte> BombMember => Member.Value;

    /// <summary>Writes <paramref name="json"/>, the answer, as <paramref name="fault"/> has it.</summary>
    public static async Task WriteAsync(HttpResponse response, TokenFault fault, string json, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case TokenFault.Drip:
                var bytes = Encoding.UTF8.GetBytes(json);
                for (var i = 0; i < bytes.Length; i++)
                {
                    await response.Body.WriteAsync(bytes.AsMemory(i, 1), cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    await Task.Delay(DripInterval, cancellationToken);
                }

                return;
            case TokenFault.GzipBomb:
                var member = Member.Value;
                var members = (int)(BombExpandedBytes / MemberExpandedBytes);
                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = (long)member.Length * members;
                for (var i = 0; i < members; i++)
                {
                    await response.Body.WriteAsync(member, cancellationToken);
                }

                return;
            default:
                await response.WriteAsync(json, cancellationToken);
                return;
        }
    }

    private static byte[] CompressSpaces()
    {
        var spaces = new byte[MemberExpandedBytes];
        Array.Fill(spaces, (byte)' ');
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(spaces);
        }

        return compressed.ToArray();
    }
}

namespace RedditTop.Storage;

/// <summary>Reads a file whole, but never past a bound: a device such as <c>/dev/zero</c> or a pipe that never ends is not read beyond it.</summary>
internal static class BoundedRead
{
    /// <summary>The whole of <paramref name="stream"/>, or null as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAll(Stream stream, int maxBytes)
    {
        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }
}

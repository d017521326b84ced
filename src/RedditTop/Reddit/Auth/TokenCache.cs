using System.Text.Json;
using RedditTop.Reddit.Listings;
using RedditTop.Storage;

namespace RedditTop.Reddit.Auth;

/// <summary>
/// Tokens kept between runs (people run reddittop under <c>watch -n 5</c>): one file per app and server in
/// <c>$XDG_CACHE_HOME/reddittop/</c>, or <c>~/.cache/reddittop/</c>. The directory is 0700 and each file 0600,
/// written whole (a temporary file, then a rename), so a reader never sees half a token. A directory of another user's
/// is neither read nor written (anyone who owns it could have put a token there), which <paramref name="warn"/> is told
/// once; one of this user's that others may enter is made 0700 before it is read.
/// </summary>
internal sealed class TokenCache(string directory, string clientId, Uri tokenUrl, Action<string>? warn = null)
{
    /// <summary>A token file is a few hundred bytes; anything much larger is not one.</summary>
    private const int MaxBytes = 64 * 1024;

    private readonly PrivateFolder _folder = new(directory, "token cache");

    /// <summary>The file of this app and server: the name is a hash of both, so neither appears in it.</summary>
    public string FilePath { get; } = Path.Combine(directory, "token-" + Key(clientId, tokenUrl) + ".json");

    /// <summary>The cache directory, or null when neither <c>XDG_CACHE_HOME</c> nor <c>HOME</c> says where it is.</summary>
    public static string? DirectoryFrom(Func<string, string?> getVariable) => XdgDirectories.Cache(getVariable);

    /// <summary>
    /// The cached entry, or null when there is none or it cannot be read (a damaged file, or anything but a regular file,
    /// is as good as none).
    /// </summary>
    public CachedToken? Read()
    {
        try
        {
            return !IsOwnDirectory() ? null : JsonSerializer.Deserialize(PrivateFile.Read(FilePath, MaxBytes), RedditJsonContext.Default.CachedToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="token"/>; a cache that cannot be written only costs the next run a token request.</summary>
    public void Write(CachedToken token)
    {
        try
        {
            if (!IsOwnDirectory())
            {
                return;
            }

            AtomicFile.Write(FilePath, AtomicFileOptions.Private, stream => JsonSerializer.Serialize(stream, token, RedditJsonContext.Default.CachedToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not cached: the next run asks for a token again.
        }
    }

    /// <summary>Whether the directory may be used: not another user's (said once). Throws what <see cref="PrivateFolder.TryClaim"/> throws.</summary>
    private bool IsOwnDirectory()
    {
        if (_folder.TryClaim(out var warning))
        {
            return true;
        }

        if (warning is not null)
        {
            warn?.Invoke(warning);
        }

        return false;
    }

    private static string Key(string clientId, Uri tokenUrl) =>
        PrivateFile.NameFor(clientId + "\n" + tokenUrl.AbsoluteUri);
}

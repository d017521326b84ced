namespace RedditTop.Storage;

/// <summary>
/// A folder of private files (the token cache, the seen-post state), claimed before each use with
/// <see cref="PrivateFile.TryClaimFolder"/>; one of another user's is refused, and said once.
/// </summary>
internal sealed class PrivateFolder(string path, string what)
{
    private bool _said;

    /// <summary>
    /// Whether the folder may be used. When it may not (another user's), <paramref name="warning"/> is one line for
    /// stderr naming it as <c>what</c> (<c>token cache</c>), the first time only. Throws what <see cref="PrivateFile.TryClaimFolder"/> throws.
    /// </summary>
    public bool TryClaim(out string? warning)
    {
        warning = null;
        if (PrivateFile.TryClaimFolder(path))
        {
            return true;
        }

        if (!_said)
        {
            _said = true;
            warning = $"reddittop: warning: ignoring the {what} {path}: it belongs to another user";
        }

        return false;
    }
}

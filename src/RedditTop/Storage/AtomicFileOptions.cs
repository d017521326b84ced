namespace RedditTop.Storage;

/// <summary>How <see cref="AtomicFile"/> treats the folder, the file's mode and the temporary file's name.</summary>
internal sealed record AtomicFileOptions
{
    /// <summary>
    /// <c>-o FILE</c>: the folder must exist; the file gets the mode new files get (umask applies); the temporary file is
    /// hidden, <c>.NAME.pid.random.tmp</c>, so a listing of the folder does not show it.
    /// </summary>
    public static AtomicFileOptions Output { get; } = new() { HideTemporary = true };

    /// <summary>
    /// The token cache, the seen-post state and the listing copies: the folder is created 0700, and made 0700 also when it was there before;
    /// the file is 0600; the temporary file is <c>NAME.pid.random.tmp</c>, so the state store's pruning of <c>seen-*</c>
    /// files finds the ones a killed run left.
    /// </summary>
    public static AtomicFileOptions Private { get; } = new() { OwnerOnly = true };

    /// <summary>Whether the folder (created when missing) and the file are for their owner alone. No effect on Windows, where the profile's own permissions apply.</summary>
    public bool OwnerOnly { get; init; }

    /// <summary>Whether the temporary file's name starts with a dot.</summary>
    public bool HideTemporary { get; init; }
}

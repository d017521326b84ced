using System.Text;

namespace RedditTop.Storage;

/// <summary>
/// The one way reddittop writes a file: the content goes to a temporary file of this writer's own in the same folder,
/// and replaces the file in one rename only when committed. A reader (a watcher, a cron job, the next run) never sees
/// half a file, and writers at the same time never corrupt it: the last one to commit wins. <see cref="Create(string, AtomicFileOptions)"/>
/// replaces whatever is at the path, a symbolic link included, and never writes through it; <see cref="Replace"/>
/// (<c>-o</c>, through <see cref="OutputFile"/>) is given the final target of the links and keeps the mode and owner of
/// the file it replaces. A write that fails or is not committed (every subreddit failed, Ctrl+C, a full disk) leaves
/// the previous file as it was and no temporary file. <see cref="AtomicFileOptions"/> say whether the file is the
/// owner's alone and how the temporary file is named.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Permissions = (UnixFileMode)0x1FF; // rwxrwxrwx

    /// <summary>An owner or group that <c>lchown(2)</c> leaves as it is: (uid_t)-1.</summary>
    private const uint Unchanged = uint.MaxValue;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _stream;
    private StreamWriter? _writer;
    private bool _committed;

    private AtomicFile(string path, string temporary, FileStream stream)
    {
        _path = path;
        _temporary = temporary;
        _stream = stream;
    }

    /// <summary>The content as bytes, until it is committed. Use this or <see cref="Writer"/>, not both.</summary>
    public Stream Stream => _stream;

    /// <summary>The content as UTF-8 text without a byte order mark, until it is committed.</summary>
    public TextWriter Writer => _writer ??= new StreamWriter(_stream, Utf8);

    /// <summary>Opens a temporary file beside <paramref name="path"/> for <c>-o FILE</c> (<see cref="AtomicFileOptions.Output"/>); throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when that folder cannot be written.</summary>
    public static AtomicFile Create(string path) => Create(path, AtomicFileOptions.Output);

    /// <summary>Opens a temporary file beside <paramref name="path"/>; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when that folder cannot be made or written.</summary>
    public static AtomicFile Create(string path, AtomicFileOptions options)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temporary = TemporaryBeside(full, options.HideTemporary);
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (options.OwnerOnly)
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder); // the profile's own permissions apply
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyDirectory);
                File.SetUnixFileMode(folder, OwnerOnlyDirectory);
                streamOptions.UnixCreateMode = OwnerOnlyFile;
            }
        }

        return new AtomicFile(full, temporary, new FileStream(temporary, streamOptions));
    }

    /// <summary>
    /// Opens a hidden temporary file beside <paramref name="target"/> (<see cref="AtomicFileOptions.Output"/>) that will
    /// replace it: an absolute path, the final target of any links (<see cref="OutputFile"/> follows them), so that the
    /// temporary file is in the same folder and the rename replaces that file. When <paramref name="replaced"/> is a
    /// regular file, the temporary file gets its permission bits (<c>rwxrwxrwx</c>; not set-user-ID, set-group-ID or
    /// sticky, which a file written anew loses), and its owner and group where the process may (silently not where it
    /// may not); while it is written, never more than the umask allows. Throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder cannot be written.
    /// </summary>
    public static AtomicFile Replace(string target, FileFacts? replaced)
    {
        var temporary = TemporaryBeside(target, hide: AtomicFileOptions.Output.HideTemporary);
        var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows() || replaced is not { Kind: FileKind.Regular } existing)
        {
            return new AtomicFile(target, temporary, new FileStream(temporary, streamOptions));
        }

        streamOptions.UnixCreateMode = existing.Mode & Permissions;
        var stream = new FileStream(temporary, streamOptions);
        try
        {
            // The group alone where the owner cannot be given away (a user's file in a group of theirs).
            if (!FileFacts.TryChangeOwner(temporary, existing.Owner, existing.Group))
            {
                FileFacts.TryChangeOwner(temporary, Unchanged, existing.Group);
            }

            File.SetUnixFileMode(stream.SafeFileHandle, existing.Mode & Permissions); // all of them, whatever the umask took
        }
        catch
        {
            stream.Dispose();
            File.Delete(temporary);
            throw;
        }

        return new AtomicFile(target, temporary, stream);
    }

    /// <summary>
    /// Writes the whole of <paramref name="path"/> through <paramref name="write"/> and commits it. Throws what
    /// <paramref name="write"/> throws, or <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>; then
    /// the previous file stays as it was, and no temporary file is left.
    /// </summary>
    public static void Write(string path, AtomicFileOptions options, Action<Stream> write)
    {
        var file = Create(path, options);
        try
        {
            write(file.Stream);
            file.Commit();
        }
        catch
        {
            file.Discard();
            throw;
        }
    }

    /// <summary>Puts the whole content in place of the file, in one rename.</summary>
    public void Commit()
    {
        if (_writer is { } writer)
        {
            writer.Flush();
            writer.Dispose();
        }

        _stream.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    /// <summary>Puts the whole content in place of the file, in one rename.</summary>
    public async Task CommitAsync()
    {
        if (_writer is { } writer)
        {
            await writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    /// <summary>Without a commit, deletes the temporary file (as far as it can; it never throws for it); the previous file stays as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            await (_writer ?? (IAsyncDisposable)_stream).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk is full: the file goes anyway.
        }

        DeleteTemporary();
    }

    /// <summary>
    /// A temporary file's name beside <paramref name="full"/>, of this writer's own, also among writers in one process: no
    /// one writes into another's file. It need not be unguessable (the file is created only if nothing is there, a link
    /// included), so no cryptographic generator, which would load the TLS library for a file name.
    /// </summary>
    private static string TemporaryBeside(string full, bool hide)
    {
        var name = $"{Path.GetFileName(full)}.{Environment.ProcessId}.{Random.Shared.NextInt64():x16}.tmp";
        return Path.Combine(Path.GetDirectoryName(full)!, hide ? "." + name : name);
    }

    /// <summary>After a failed write: closes and deletes the temporary file as far as possible, so the first failure is the one reported.</summary>
    private void Discard()
    {
        try
        {
            (_writer ?? (IDisposable)_stream).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk is full: the file goes anyway.
        }

        DeleteTemporary();
    }

    /// <summary>Deletes the temporary file as far as possible: its folder may have gone with it, and the failure that led here is the one reported.</summary>
    private void DeleteTemporary()
    {
        try
        {
            File.Delete(_temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the state store's pruning removes old temporary files.
        }
    }
}

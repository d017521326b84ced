using System.Runtime.InteropServices;
using System.Text;

namespace RedditTop.Storage;

/// <summary>
/// What <c>-o PATH</c> writes to, chosen by what is at PATH, so that nothing there is damaged (as <c>sort -o</c> and a
/// shell's <c>&gt;</c> treat it):
/// <list type="bullet">
/// <item>a FIFO or a device, itself or as the final target of symbolic links, is written in place and streamed, each
/// piece as it is flushed, with no temporary file (<see cref="SpecialFile"/>); a socket, which cannot be opened, is an
/// error naming it;</item>
/// <item>a regular file, or nothing yet, is replaced whole in one rename (<see cref="AtomicFile.Replace"/>); through
/// symbolic links, it is their final target that is replaced, and the links stay. A regular file keeps its permission
/// bits, and its owner and group where the process may. A file with other hard links is given a new file at this
/// path: the other names keep the previous content (the one rename is worth more);</item>
/// <item>a folder is an error before anything is written.</item>
/// </list>
/// Every error names PATH and why (<see cref="OutputFolder"/>: <c>'PATH': no such folder</c>), never the temporary file.
/// Where <see cref="FileFacts.Supported"/> is false (not Linux), PATH is replaced in one rename, whatever it is.
/// </summary>
internal sealed class OutputFile : IAsyncDisposable
{
    private const int MaxLinks = 40; // as Linux follows at most 40 links in a path

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly string _folder;
    private readonly AtomicFile? _replacement;
    private readonly StreamWriter? _inPlace;

    private OutputFile(string path, string target, AtomicFile? replacement, StreamWriter? inPlace)
    {
        _path = path;
        _folder = FolderOf(target);
        _replacement = replacement;
        _inPlace = inPlace;
    }

    /// <summary>The content as UTF-8 text without a byte order mark: what it flushes reaches a FIFO or device at once, and a file at <see cref="CommitAsync"/>.</summary>
    public TextWriter Writer => _replacement?.Writer ?? _inPlace!;

    /// <summary>Whether the content goes to PATH as it is flushed (a FIFO or device) rather than at <see cref="CommitAsync"/>.</summary>
    public bool IsStreamed => _inPlace is not null;

    /// <summary>
    /// Throws an <see cref="IOException"/> naming <paramref name="path"/> and why, when it can be told without making
    /// anything that <see cref="OpenAsync"/> would fail: a folder at PATH (<c>is a folder</c>), or a file that cannot be
    /// made in its folder (<c>no such folder</c>, <c>not a folder</c>, <c>permission denied</c>). For a run to call before
    /// anything is fetched. A FIFO or device is not opened here; where <see cref="FileFacts.Supported"/> is false, nothing is checked.
    /// </summary>
    public static void Check(string path)
    {
        var kind = FactsOf(path)?.Kind;
        if (kind == FileKind.Directory)
        {
            throw IsAFolder(path);
        }

        if (kind is FileKind.Missing or FileKind.Regular && OutputFolder.Problem(FolderOf(FinalTarget(path))) is { } problem)
        {
            throw new IOException($"'{path}': {problem}");
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> for a run's output. A FIFO is open only once something reads it: until then this
    /// waits, until <paramref name="cancellationToken"/> fires (<see cref="OperationCanceledException"/>). Throws
    /// <see cref="IOException"/> naming PATH and why when it cannot be written.
    /// </summary>
    public static async Task<OutputFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var facts = FactsOf(path);
        switch (facts?.Kind)
        {
            case null:
                return new OutputFile(path, path, Make(path, path, () => AtomicFile.Create(path)), null);
            case FileKind.Special:
                var stream = await SpecialFile.OpenAsync(path, cancellationToken).ConfigureAwait(false);
                return new OutputFile(path, path, null, new StreamWriter(stream, Utf8, bufferSize: 64 * 1024)); // as stdout's
            case FileKind.Directory:
                throw IsAFolder(path);
            default:
                var target = FinalTarget(path);
                return new OutputFile(path, target, Make(path, target, () => AtomicFile.Replace(target, facts)), null);
        }
    }

    /// <summary>
    /// What to report for a failed write or commit: for a file replaced whole, an <see cref="IOException"/> naming PATH and
    /// why (the temporary file's name stays out of it); for a FIFO or device, <paramref name="failure"/> itself, so a
    /// reader that went away is still a broken pipe.
    /// </summary>
    public Exception Failure(Exception failure) => _replacement is null ? failure : Failure(_path, _folder, failure);

    /// <summary>Puts a file's whole content in place of the one at its path, in one rename; a FIFO or device already has it all.</summary>
    public async Task CommitAsync()
    {
        if (_replacement is not null)
        {
            try
            {
                await _replacement.CommitAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Failure(e);
            }
        }
        else
        {
            await _inPlace!.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Closes a FIFO or device (its reader sees the end); without a commit, a file stays as it was and no temporary file is left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_replacement is not null)
        {
            await _replacement.DisposeAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await _inPlace!.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The reader went away with the last piece unread: the write that failed has said so already.
        }
    }

    /// <summary>What is at <paramref name="path"/>; an <see cref="IOException"/> naming it when it cannot be looked at (a loop of links, a folder that may not be searched).</summary>
    private static FileFacts? FactsOf(string path)
    {
        try
        {
            return FileFacts.Of(path);
        }
        catch (IOException e)
        {
            throw new IOException($"'{path}': {OutputFolder.Reason(e.HResult)}", e);
        }
    }

    /// <summary>The temporary file beside <paramref name="target"/>, from <paramref name="make"/>; when it cannot be made, an <see cref="IOException"/> naming <paramref name="path"/> and why.</summary>
    private static AtomicFile Make(string path, string target, Func<AtomicFile> make)
    {
        try
        {
            return make();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failure(path, FolderOf(target), e);
        }
    }

    private static IOException Failure(string path, string folder, Exception e) => new($"'{path}': {OutputFolder.Reason(e, folder)}", e);

    private static IOException IsAFolder(string path) => new($"'{path}': is a folder");

    private static string FolderOf(string file) => Path.GetDirectoryName(Path.GetFullPath(file)) ?? "/";

    /// <summary>
    /// <paramref name="path"/> after following every symbolic link at its end: the file a shell would write through it,
    /// or, for a link to nothing, the name the link points to. Each link's folder is resolved by the system
    /// (<c>realpath(3)</c>), so a target such as <c>../file</c> means what it means to the kernel, whatever links led
    /// to that folder, and not what the text says (as .NET's own path functions would have it).
    /// </summary>
    private static string FinalTarget(string path)
    {
        var current = Path.Combine(Directory.GetCurrentDirectory(), path);
        for (var links = 0; ; links++)
        {
            var folder = Path.GetDirectoryName(current)!;
            current = Path.Join(RealPath(folder) ?? folder, Path.GetFileName(current));
            if (new FileInfo(current).LinkTarget is not { } target)
            {
                return current;
            }

            if (links == MaxLinks)
            {
                throw new IOException($"'{path}': Too many levels of symbolic links");
            }

            current = Path.Combine(Path.GetDirectoryName(current)!, target);
        }
    }

    /// <summary>The absolute path of <paramref name="path"/> with no link, <c>.</c> or <c>..</c> left in it; null when it cannot be had (a folder that is not there: making the file then fails and says so).</summary>
    private static unsafe string? RealPath(string path)
    {
        var resolved = Libc.realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeMemory.Free((void*)resolved); // the C library's free(3), which realpath(3) asks for
        }
    }
}

using System.Text;

namespace RedditTop.Storage;

/// <summary>
/// <c>-o FILE</c>: the output goes to a temporary file in the same folder, and replaces FILE in one rename only when
/// the run commits it. A watcher or a cron job never sees half a file; a run that is not committed (every subreddit
/// failed, Ctrl+C, a failed write) leaves the previous FILE as it was and no temporary file behind.
/// </summary>
internal sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string path, string temporary, TextWriter writer)
    {
        _path = path;
        _temporary = temporary;
        Writer = writer;
    }

    /// <summary>Where the output is written until it is committed.</summary>
    public TextWriter Writer { get; }

    /// <summary>Opens a temporary file beside <paramref name="path"/>; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when that folder cannot be written.</summary>
    public static AtomicFile Create(string path)
    {
        var full = Path.GetFullPath(path);
        var unique = $"{Environment.ProcessId}.{Random.Shared.NextInt64():x16}"; // not a secret: the file is created only if nothing is there
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{unique}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
        return new AtomicFile(full, temporary, new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));
    }

    /// <summary>Puts the whole output in place of the file, in one rename.</summary>
    public async Task CommitAsync()
    {
        await Writer.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await Writer.DisposeAsync().ConfigureAwait(false);
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            await Writer.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The disk is full: the file goes anyway.
        }

        File.Delete(_temporary);
    }
}

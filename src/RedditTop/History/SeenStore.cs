using System.Text.Json;
using RedditTop.Storage;

namespace RedditTop.History;

/// <summary>
/// What the previous run showed, so a repeated run (<c>--watch</c>, cron, <c>watch -n 60</c>) can tell the new posts
/// from the ones already seen. One file per set of arguments (<see cref="Key"/>) in <c>$XDG_STATE_HOME/reddittop/</c>,
/// or <c>~/.local/state/reddittop/</c>, named by a hash of the key so no subreddit name appears in it. The directory
/// is 0700 and each file 0600, written whole (a temporary file, then a rename): runs at the same time never leave a
/// damaged file, the last one to finish wins. Each save keeps every id the run showed (a run's own settings bound
/// them: its subreddits and counts), and files are bounded by deleting the state of arguments not used for
/// <see cref="MaxAge"/>, never by forgetting what the last run showed. A state that cannot be read or written is not an error: the run goes
/// on, and only the marking of new posts is lost.
/// </summary>
internal sealed class SeenStore(string directory, TimeProvider timeProvider)
{
    /// <summary>
    /// A million ids take about 15 MB (a thousand subreddits at their most, 1000 posts each); a file far larger than
    /// that is not a state file.
    /// </summary>
    private const int MaxBytes = 64 << 20;

    private const string FilePrefix = "seen-";

    private readonly PrivateFolder _folder = new(directory, "state folder");

    /// <summary>State files not written for this long belong to arguments no longer used, and are deleted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    /// <summary>The state directory, or null when neither <c>XDG_STATE_HOME</c> nor <c>HOME</c> says where it is.</summary>
    public static string? DirectoryFrom(Func<string, string?> getVariable) => XdgDirectories.State(getVariable);

    /// <summary>
    /// The key of the listing these arguments ask for. Subreddit names ignore case and order (each subreddit is
    /// fetched on its own, so <c>python rust</c> sees the same posts as <c>Rust python</c>), and so do the parts of
    /// a multireddit (<c>python+rust</c> is <c>rust+python</c>); a name given twice counts once. Pass names without
    /// their <c>:count</c>: a larger count only shows more posts, and the extra ones are new. <paramref name="sort"/>
    /// and <paramref name="time"/> ignore case; <paramref name="time"/> is null or empty for sorts without one.
    /// <paramref name="server"/> is the server asked, null for Reddit itself, so a test server's posts are kept apart.
    /// </summary>
    public static string Key(IEnumerable<string> subreddits, string sort, string? time, Uri? server = null)
    {
        var names = subreddits
            .Select(static name => name.Contains('+')
                ? string.Join('+', name.Trim().ToLowerInvariant().Split('+').Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                : name.Trim().ToLowerInvariant()) // one name: no array, set and sort of one (a thousand names took 5 ms)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return $"server {server?.AbsoluteUri ?? "reddit"}\nsort {sort.Trim().ToLowerInvariant()}\ntime {time?.Trim().ToLowerInvariant() ?? ""}\nsubreddits {string.Join(' ', names)}";
    }

    /// <summary>The file of <paramref name="key"/>: the name is a hash of the key, so no subreddit name appears in it.</summary>
    public string FilePathFor(string key) =>
        Path.Combine(directory, FilePrefix + PrivateFile.NameFor(key) + ".json");

    /// <summary>
    /// The ids the previous run with <paramref name="key"/> saved. No file yet: a first run, no warning. A file that
    /// cannot be read or is not a state file (a FIFO or a device is not read at all): a first run too, and
    /// <paramref name="warning"/> is one line for stderr naming the file. A directory of another user's is not read: a
    /// first run, and the warning names the directory. One of this user's that others may enter is made 0700 first.
    /// </summary>
    public SeenPosts Load(string key, out string? warning)
    {
        warning = null;
        var path = FilePathFor(key);
        string problem;
        try
        {
            if (!_folder.TryClaim(out warning))
            {
                return SeenPosts.FirstRun;
            }

            if (PrivateFile.ReadIfPresent(path, MaxBytes) is not { } content)
            {
                return SeenPosts.FirstRun;
            }

            var state = JsonSerializer.Deserialize(content, HistoryJsonContext.Default.SeenState);
            if (state?.Ids is { } ids && ids.All(static id => id is not null))
            {
                return SeenPosts.From(ids);
            }

            problem = "not a reddittop state file";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return SeenPosts.FirstRun;
        }
        catch (Exception e) when (FileProblems.Is(e))
        {
            problem = FileProblems.Words(e);
        }

        warning = $"reddittop: warning: ignoring unreadable state file {path}: {problem}";
        return SeenPosts.FirstRun;
    }

    /// <summary>
    /// Replaces the state of <paramref name="key"/> with <paramref name="ids"/> (every different one; null and empty
    /// ids are skipped), then deletes the state files not written for
    /// <see cref="MaxAge"/>. Never throws for a file system problem: returns null when saved, or else one line for
    /// stderr saying the state could not be saved. A directory of another user's is not written to (null when
    /// <see cref="Load"/> has said so already).
    /// </summary>
    public string? Save(string key, IEnumerable<string> ids)
    {
        var path = FilePathFor(key);
        var state = new SeenState(
            timeProvider.GetUtcNow(),
            ids.Where(static id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList());

        try
        {
            if (!_folder.TryClaim(out var foreign))
            {
                return foreign;
            }

            AtomicFile.Write(path, AtomicFileOptions.Private, stream => JsonSerializer.Serialize(stream, state, HistoryJsonContext.Default.SeenState));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"reddittop: warning: cannot save state file {path}: {FileProblems.Words(e)}";
        }

        Prune(keep: path);
        return null;
    }

    /// <summary>Deletes this store's files, other than <paramref name="keep"/>, not written for <see cref="MaxAge"/>: states of arguments no longer used, and temporary files a killed run left.</summary>
    private void Prune(string keep)
    {
        var kept = Path.GetFileName(keep);
        StaleFiles.Delete(
            directory,
            FilePrefix + "*",
            timeProvider.GetUtcNow().UtcDateTime - MaxAge,
            name => name != kept && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal)));
    }
}

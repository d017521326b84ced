using System.Globalization;
using System.Text.Json;
using RedditTop.Storage;

namespace RedditTop.Reddit;

/// <summary>
/// <c>--max-age</c>: the listings earlier runs fetched, one file per query in <c>$XDG_CACHE_HOME/reddittop/listings/</c>
/// (or <c>~/.cache/reddittop/listings/</c>), so that one fetched less than <see cref="MaxAge"/> ago is printed again
/// without a request. A query is the API's base URL, the subreddit (case ignored), the sort, the time window (when the
/// sort has one), the count and the filters (<see cref="KeyFor"/>); the file is named by a hash of it, and holds it too.
/// The folder is 0700 and each file 0600, written whole; a copy is read capped, never through a link or from a FIFO,
/// and one that is damaged or absurd (not JSON, another key, fetched in the future, more posts than asked for) is
/// no copy. The folder stays bounded: each copy is at most <see cref="MaxBytes"/>, and after a round that wrote one,
/// copies older than <see cref="LongestMaxAge"/> go, then the oldest beyond <see cref="MaxFiles"/> files or
/// <see cref="MaxFolderBytes"/> (<see cref="Prune"/>). A folder of another user's is neither read nor written, which
/// <c>warn</c> is told once. Nothing here fails a run: a copy that cannot be read is a request, one that cannot be
/// written only costs the next run one.
/// </summary>
internal sealed class ListingCopies
{
    /// <summary>The longest <c>--max-age</c>: a copy older than this is no use to any run.</summary>
    public static readonly TimeSpan LongestMaxAge = TimeSpan.FromDays(1);

    /// <summary>A thousand posts take about 2 MB; a copy that would be far larger is not written, and one that is, not read.</summary>
    public const int MaxBytes = 8 << 20;

    public const int MaxFiles = 1000;

    public const long MaxFolderBytes = 64L << 20;

    private const string Version = "reddittop listing copy 1";

    private const string Extension = ".json";

    private readonly string _directory;
    private readonly string _queryKey;
    private readonly TimeProvider _time;
    private readonly Action<string>? _warn;
    private readonly PrivateFolder _folder;
    private readonly Lock _claiming = new();
    private int _written;

    /// <summary>The copies in <paramref name="directory"/> (<see cref="DirectoryFrom"/>) of the listings the run's <paramref name="options"/> (max age, sort, time, filters) ask <paramref name="baseUrl"/> for.</summary>
    public ListingCopies(string directory, Uri baseUrl, RedditClientOptions options, TimeProvider time, Action<string>? warn = null)
    {
        _directory = directory;
        _time = time;
        _warn = warn;
        _folder = new PrivateFolder(directory, "listing cache");
        MaxAge = options.MaxAge ?? TimeSpan.Zero;
        _queryKey = $"{Version}\nbase {baseUrl.AbsoluteUri}\nsort {options.Sort.ToName()}\ntime {(options.SortHasTime ? options.Time.ToName() : "")}\nfilter {options.Filter?.Key}";
    }

    /// <summary>A copy fetched this long ago or more is not used.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary><c>$XDG_CACHE_HOME/reddittop/listings</c>, or <c>~/.cache/reddittop/listings</c>, or null when there is no cache folder.</summary>
    public static string? DirectoryFrom(Func<string, string?> getVariable) =>
        XdgDirectories.Cache(getVariable) is { } cache ? Path.Combine(cache, "listings") : null;

    /// <summary>Everything that makes <paramref name="query"/>'s listing what it is, one line each.</summary>
    public string KeyFor(SubredditQuery query) =>
        string.Create(CultureInfo.InvariantCulture, $"{_queryKey}\nname {query.Name.Trim().ToLowerInvariant()}\ncount {query.Count}");

    /// <summary>The file of <paramref name="query"/>'s copy: a hash of its key, so no subreddit or server appears in the name.</summary>
    public string PathFor(SubredditQuery query) => Path.Combine(_directory, PrivateFile.NameFor(KeyFor(query)) + Extension);

    /// <summary>
    /// <paramref name="query"/>'s posts from a copy fetched less than <see cref="MaxAge"/> ago, as a cached result; null
    /// when there is none, it is older, or it cannot be read or believed.
    /// </summary>
    public SubredditResult? Find(SubredditQuery query)
    {
        var key = KeyFor(query);
        try
        {
            if (!IsUsable())
            {
                return null;
            }

            var copy = JsonSerializer.Deserialize(PrivateFile.Read(PathFor(query), MaxBytes), ListingCopyJsonContext.Default.ListingCopy);
            var now = _time.GetUtcNow();
            if (copy is null || !string.Equals(copy.Key, key, StringComparison.Ordinal) || copy.FetchedAt > now || now - copy.FetchedAt >= MaxAge
                || copy.Posts.Count > query.Count || copy.Posts.Any(static post => post is not { Title: not null, Url: not null }))
            {
                return null;
            }

            return SubredditResult.Success(query, copy.Posts!, copy.FetchedAt, cached: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="result"/>'s posts for later runs; a failure, a copy, or a result of unknown time is not kept.</summary>
    public void Save(SubredditResult result)
    {
        if (result is not { Posts: { } posts, Failure: null, Cached: false, FetchedAt: { } fetchedAt })
        {
            return;
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new ListingCopy(KeyFor(result.Query), fetchedAt, posts), ListingCopyJsonContext.Default.ListingCopy);
            if (bytes.Length > MaxBytes || !IsUsable())
            {
                return;
            }

            AtomicFile.Write(PathFor(result.Query), AtomicFileOptions.Private, stream => stream.Write(bytes));
            Interlocked.Increment(ref _written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            // Not kept: the next run asks Reddit.
        }
    }

    /// <summary>
    /// After copies were written (and only then): deletes the copies and temporary files not written for
    /// <see cref="LongestMaxAge"/>, then, newest kept first, the copies beyond <see cref="MaxFiles"/> or <see cref="MaxFolderBytes"/>.
    /// </summary>
    public void Prune()
    {
        if (Interlocked.Exchange(ref _written, 0) == 0)
        {
            return;
        }

        var cutoff = _time.GetUtcNow().UtcDateTime - LongestMaxAge;
        try
        {
            var copies = new List<FileInfo>();
            foreach (var file in new DirectoryInfo(_directory).EnumerateFiles())
            {
                var isCopy = file.Name.Length == 16 + Extension.Length && file.Name.EndsWith(Extension, StringComparison.Ordinal);
                if (!isCopy && !file.Name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue;
                }

                if (file.LastWriteTimeUtc < cutoff)
                {
                    StaleFiles.TryDelete(file.FullName);
                }
                else if (isCopy)
                {
                    copies.Add(file);
                }
            }

            long bytes = 0;
            var kept = 0;
            foreach (var file in copies.OrderByDescending(static file => file.LastWriteTimeUtc))
            {
                bytes += file.Length;
                if (++kept > MaxFiles || bytes > MaxFolderBytes)
                {
                    StaleFiles.TryDelete(file.FullName);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder cannot be listed: old copies stay until a later run.
        }
    }

    /// <summary>Whether the folder may be used: not another user's (said once). Throws what <see cref="PrivateFolder.TryClaim"/> throws.</summary>
    private bool IsUsable()
    {
        bool usable;
        string? warning;
        lock (_claiming)
        {
            usable = _folder.TryClaim(out warning);
        }

        if (warning is not null)
        {
            _warn?.Invoke(warning);
        }

        return usable;
    }
}

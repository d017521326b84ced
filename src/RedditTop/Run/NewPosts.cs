using RedditTop.History;
using RedditTop.Reddit.Listings;

namespace RedditTop.Run;

/// <summary>
/// What is new: posts not in the previous run with the same subreddits, sort, time and server (or, with
/// <c>--watch</c>, not in the previous round). The previous run's state is read while the first requests are in flight,
/// on a thread of its own: on the thread pool it would hold one of its few threads (two on two cores) while the other
/// starts the requests, and their connections, which the pool opens, would wait for it. The first block waits for it.
/// After each round, the ids it fetched are saved for the next run.
/// </summary>
internal sealed class NewPosts
{
    private static readonly Func<string, bool> AllNew = _ => true;

    private readonly SeenStore? _store;
    private readonly string _key;
    private readonly Diagnostics _diagnostics;
    private readonly List<string> _ids = [];
    private readonly HashSet<Post> _new = new(ReferenceEqualityComparer.Instance);
    private Task<Func<string, bool>> _isNew;
    private bool _saveWarned;

    private NewPosts(SeenStore? store, string key, Diagnostics diagnostics)
    {
        _store = store;
        _key = key;
        _diagnostics = diagnostics;
        _isNew = store is null
            ? Task.FromResult(AllNew)
            : Task.Factory.StartNew(Load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts reading the previous run's state in the background.</summary>
    public static NewPosts Start(RunOptions options, RunEnvironment environment, Diagnostics diagnostics)
    {
        var directory = SeenStore.DirectoryFrom(environment.GetEnvironmentVariable);
        var request = options.Request;
        var key = SeenStore.Key(options.Subreddits.Select(q => q.Name), request.Sort.ToName(), request.SortHasTime ? request.Time.ToName() : null, options.BaseUrl);
        return new NewPosts(directory is null ? null : new SeenStore(directory, environment.Time), key, diagnostics);
    }

    /// <summary>Whether <paramref name="post"/>, of this round, was not in the previous run (see <see cref="MarkAsync"/>).</summary>
    public bool IsNew(Post post) => _new.Contains(post);

    /// <summary>Tells which of <paramref name="posts"/> are new (<see cref="IsNew"/>), and remembers them for the next run.</summary>
    public async Task MarkAsync(IReadOnlyList<Post> posts)
    {
        var isNew = await _isNew;
        foreach (var post in posts)
        {
            if (post.Id is { } id)
            {
                _ids.Add(id);
                if (isNew(id))
                {
                    _new.Add(post);
                }
            }
        }
    }

    /// <summary>
    /// Saves what this round fetched, once the previous state has been read (and any warning about it said), also
    /// when no block needed it. A state that cannot be saved is said once: the next rounds would fail the same way.
    /// </summary>
    public async Task SaveRoundAsync()
    {
        await _isNew;
        if (_store?.Save(_key, _ids) is { } notSaved && !_saveWarned)
        {
            _diagnostics.WriteLine(notSaved);
            _saveWarned = true;
        }

        var seen = _ids.ToHashSet(StringComparer.Ordinal);
        _isNew = Task.FromResult<Func<string, bool>>(id => !seen.Contains(id));
        _ids.Clear();
        _new.Clear();
    }

    /// <summary>Reads what the previous run saw; an unreadable state file is one warning, and everything is new.</summary>
    private Func<string, bool> Load()
    {
        var previous = _store!.Load(_key, out var warning);
        if (warning is not null)
        {
            _diagnostics.WriteLine(warning);
        }

        return previous.IsFirstRun ? AllNew : id => !previous.WasSeen(id);
    }
}

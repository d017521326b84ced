namespace RedditTop.History;

/// <summary>The post ids the previous run with the same arguments showed, as <see cref="SeenStore.Load"/> found them.</summary>
internal sealed class SeenPosts
{
    private readonly HashSet<string> _ids;

    private SeenPosts(HashSet<string> ids, bool isFirstRun)
    {
        _ids = ids;
        IsFirstRun = isFirstRun;
    }

    /// <summary>No previous run to compare with: no state file yet, or one that could not be read.</summary>
    public static SeenPosts FirstRun { get; } = new(new HashSet<string>(StringComparer.Ordinal), isFirstRun: true);

    /// <summary>True when there is no previous run to compare with; then <see cref="WasSeen"/> is false for every id.</summary>
    public bool IsFirstRun { get; }

    /// <summary>How many ids the previous run showed.</summary>
    public int Count => _ids.Count;

    public static SeenPosts From(IEnumerable<string> ids) => new(new HashSet<string>(ids, StringComparer.Ordinal), isFirstRun: false);

    /// <summary>Whether the previous run showed the post with this id (ids compare exactly, case included).</summary>
    public bool WasSeen(string id) => _ids.Contains(id);
}

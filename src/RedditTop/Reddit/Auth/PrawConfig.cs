using RedditTop.Storage;

namespace RedditTop.Reddit.Auth;

/// <summary>
/// What PRAW would configure from its <c>praw.ini</c> files and <c>praw_*</c> variables, following its code
/// (praw-dev/praw, <c>praw/config.py</c> and <c>praw/reddit.py</c>):
/// <list type="bullet">
/// <item>the files (<c>Config._load_config</c>): the user's, in <c>$XDG_CONFIG_HOME</c> or <c>$HOME/.config</c>, then the
/// current folder's, read in that order by <c>config.read(locations)</c>, so the current folder's wins key by key
/// (<see cref="Locations"/>); a file that cannot be opened is skipped (<c>read</c> ignores <c>OSError</c>), a file that
/// cannot be parsed is an error;</item>
/// <item>the site (<c>Reddit.__init__</c>: <c>site_name or os.getenv("praw_site") or "DEFAULT"</c>): see <see cref="SiteName"/>;
/// a site with no section is <c>NoSectionError</c>;</item>
/// <item>a key (<c>Config._fetch_or_not_set</c>: <c>os.getenv(f"praw_{key}") or ini_value</c>): the variable first, then
/// the site's value; an empty one counts as unset (<see cref="PrawSite.Get"/>).</item>
/// </list>
/// Unlike PRAW, <c>APPDATA</c> (Windows) is not looked at, and a relative or empty <c>XDG_CONFIG_HOME</c> is ignored, as
/// the XDG specification says (PRAW would take it relative to the current folder).
/// </summary>
internal sealed class PrawConfig
{
    public const string FileName = "praw.ini";

    public const string SiteVariable = "praw_site";

    private readonly PrawIni _ini;

    private PrawConfig(PrawIni ini, IReadOnlyList<string> lookedIn)
    {
        _ini = ini;
        LookedIn = lookedIn;
    }

    /// <summary>The files looked for, whether they were there or not, in the order they are read.</summary>
    public IReadOnlyList<string> LookedIn { get; }

    /// <summary>The <c>praw.ini</c> files PRAW reads, the user's first, then the current folder's (which wins).</summary>
    /// <remarks>
    /// A loop, not <c>OfType</c>, <c>Select</c> and <c>Distinct</c>: LINQ's chained iterators are generic virtual methods,
    /// which NativeAOT resolves at run time (0.45 ms of every run in perf's samples).
    /// </remarks>
    public static IReadOnlyList<string> Locations(Func<string, string?> getVariable, string? currentDirectory)
    {
        var locations = new List<string>(2);
        foreach (var folder in (ReadOnlySpan<string?>)[XdgDirectories.ConfigHome(getVariable), currentDirectory])
        {
            if (folder is not null && Path.Combine(folder, FileName) is var path && !locations.Contains(path)) // ordinal
            {
                locations.Add(path);
            }
        }

        return locations;
    }

    /// <summary>
    /// Reads the files of <paramref name="locations"/> that are there. One that is there but cannot be read (permission
    /// denied, a folder, a FIFO, over the size cap) is skipped with a line to <paramref name="warn"/>; one that PRAW
    /// could not parse throws <see cref="PrawIniException"/>.
    /// </summary>
    public static PrawConfig Load(IReadOnlyList<string> locations, Action<string> warn)
    {
        var ini = new PrawIni();
        foreach (var path in locations)
        {
            string? text;
            try
            {
                text = SettingsFile.Read(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                warn($"reddittop: warning: ignoring {Sanitizer.Clean(path)}: {FileProblems.Words(e)}");
                continue;
            }

            if (text is not null)
            {
                ini.Read(text, path);
            }
        }

        return new PrawConfig(ini, locations);
    }

    /// <summary>
    /// The site to use: <paramref name="siteOption"/> (<c>--site</c>, PRAW's <c>site_name</c>), else <c>praw_site</c>,
    /// else <c>DEFAULT</c>; with what chose it (<c>--site</c>, <c>praw_site</c>), null for the default. PRAW's docs say
    /// <c>praw_site</c> wins over <c>site_name</c>, but its code (<c>reddit.py</c>) gives <c>site_name</c> the precedence;
    /// the code is followed.
    /// </summary>
    public static (string Name, string? ChosenBy) SiteName(string? siteOption, Func<string, string?> getVariable) =>
        siteOption is { Length: > 0 } ? (siteOption, "--site")
        : getVariable(SiteVariable) is { Length: > 0 } fromVariable ? (fromVariable, SiteVariable)
        : (PrawIni.DefaultSection, null);

    /// <summary>The site <paramref name="name"/>, or null when no file read has a section of that name.</summary>
    public PrawSite? Site(string name, Func<string, string?> getVariable) =>
        _ini.Site(name) is { } values ? new PrawSite(name, values, getVariable) : null;
}

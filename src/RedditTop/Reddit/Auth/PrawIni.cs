namespace RedditTop.Reddit.Auth;

/// <summary>
/// PRAW's <c>praw.ini</c> files, read as PRAW reads them: with Python's <c>configparser.ConfigParser</c> and its
/// default settings (<c>praw/config.py</c> <c>_load_config</c>: <c>ConfigParser(interpolation=...)</c>,
/// <c>config.read(locations)</c>). Each file read is merged into what the earlier ones gave, key by key, so a later
/// file wins (<see cref="Read"/>); a section ("site") is the <c>[DEFAULT]</c> section's keys with its own on top
/// (<see cref="Site"/>, configparser's <c>items(section)</c>). How one file is parsed: <see cref="PrawIniParser"/>.
/// </summary>
internal sealed class PrawIni
{
    /// <summary>configparser's <c>DEFAULTSECT</c>: inherited by every section, and always there (PRAW ships one).</summary>
    public const string DefaultSection = "DEFAULT";

    private readonly Dictionary<string, PrawIniValue> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, PrawIniValue>> _sections = new(StringComparer.Ordinal);

    /// <summary>Section names, as written (they are case-sensitive), in the order first seen; never <c>DEFAULT</c>.</summary>
    public IEnumerable<string> Sections => _sections.Keys;

    /// <summary>
    /// Merges <paramref name="text"/>, the content of <paramref name="file"/>, into what was read before. Throws
    /// <see cref="PrawIniException"/> where configparser raises, and then takes nothing of the file.
    /// </summary>
    public void Read(string text, string file)
    {
        var parsed = PrawIniParser.Parse(text, file);
        foreach (var section in parsed.Sections)
        {
            _sections.TryAdd(section, new Dictionary<string, PrawIniValue>(StringComparer.Ordinal));
        }

        foreach (var entry in parsed.Entries)
        {
            var keys = entry.Section == DefaultSection ? _defaults : _sections[entry.Section];
            keys[entry.Key] = new PrawIniValue(entry.Value, file, entry.Line, entry.Section);
        }
    }

    /// <summary>Whether <paramref name="name"/> names a section; <c>DEFAULT</c> always does (configparser's <c>items</c>).</summary>
    public bool HasSection(string name) => name == DefaultSection || _sections.ContainsKey(name);

    /// <summary>
    /// The keys of the site <paramref name="name"/>: <c>[DEFAULT]</c>'s, overridden by the section's own; null when
    /// there is no such section (configparser's <c>NoSectionError</c>). Values are as written: PRAW reads its files
    /// with <c>ConfigParser(interpolation=None)</c> unless a program asks otherwise, so <c>%(x)s</c> stays as it is.
    /// </summary>
    public IReadOnlyDictionary<string, PrawIniValue>? Site(string name)
    {
        if (!HasSection(name))
        {
            return null;
        }

        var merged = new Dictionary<string, PrawIniValue>(_defaults, StringComparer.Ordinal);
        if (_sections.TryGetValue(name, out var own))
        {
            foreach (var (key, value) in own)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}

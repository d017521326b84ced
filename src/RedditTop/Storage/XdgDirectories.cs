namespace RedditTop.Storage;

/// <summary>
/// Where reddittop keeps files between runs, after the XDG Base Directory specification: <c>$XDG_CACHE_HOME/reddittop</c>
/// for what can be fetched again (tokens), <c>$XDG_STATE_HOME/reddittop</c> for what cannot (the posts already seen),
/// <c>$XDG_CONFIG_HOME/reddittop</c> for what the user writes (the config file).
/// A variable that is unset, empty or not an absolute path is ignored, as the specification says; then the folder is
/// under <c>HOME</c>, and with no <c>HOME</c> either there is none (null).
/// </summary>
internal static class XdgDirectories
{
    private const string AppName = "reddittop";

    /// <summary><c>$XDG_CACHE_HOME/reddittop</c>, or <c>$HOME/.cache/reddittop</c>, or null.</summary>
    public static string? Cache(Func<string, string?> getVariable) =>
        Find(getVariable, "XDG_CACHE_HOME", ".cache");

    /// <summary><c>$XDG_STATE_HOME/reddittop</c>, or <c>$HOME/.local/state/reddittop</c>, or null.</summary>
    public static string? State(Func<string, string?> getVariable) =>
        Find(getVariable, "XDG_STATE_HOME", Path.Combine(".local", "state"));

    /// <summary><c>$XDG_CONFIG_HOME/reddittop</c>, or <c>$HOME/.config/reddittop</c>, or null.</summary>
    public static string? Config(Func<string, string?> getVariable) =>
        ConfigHome(getVariable) is { } home ? Path.Combine(home, AppName) : null;

    /// <summary>
    /// The user's configuration folder itself, <c>$XDG_CONFIG_HOME</c> or <c>$HOME/.config</c>, or null: where PRAW
    /// keeps its <c>praw.ini</c>, beside (not in) reddittop's own folder.
    /// </summary>
    public static string? ConfigHome(Func<string, string?> getVariable) => Base(getVariable, "XDG_CONFIG_HOME", ".config");

    private static string? Find(Func<string, string?> getVariable, string variable, string underHome) =>
        Base(getVariable, variable, underHome) is { } folder ? Path.Combine(folder, AppName) : null;

    private static string? Base(Func<string, string?> getVariable, string variable, string underHome) =>
        getVariable(variable) is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
        : getVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, underHome)
        : null;
}

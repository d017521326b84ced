namespace RedditTop.Reddit.Auth;

/// <summary>One PRAW site's settings: its <c>praw.ini</c> keys (<c>[DEFAULT]</c>'s included) under the <c>praw_*</c> variables.</summary>
internal sealed class PrawSite(string name, IReadOnlyDictionary<string, PrawIniValue> values, Func<string, string?> getVariable)
{
    public string Name => name;

    /// <summary><c>praw_KEY</c> when set and not empty, else the site's <c>KEY</c> when not empty, else null.</summary>
    public PrawSetting? Get(string key) =>
        getVariable("praw_" + key) is { Length: > 0 } variable ? new PrawSetting(variable, CredentialSource.Variable("praw_" + key))
        : values.TryGetValue(key, out var value) && value.Text.Length > 0 ? new PrawSetting(value.Text, CredentialSource.Ini(key, value))
        : null;
}

namespace RedditTop.Reddit.Auth;

/// <summary>
/// How values are read. PRAW interpolates nothing unless its program asks for it (<c>Reddit(config_interpolation=...)</c>;
/// <c>praw/config.py</c> <c>_load_config</c> passes <c>interpolation=None</c> by default, and the docs' "Using
/// Interpolation" says so), so a <c>%</c> in a secret is a <c>%</c>.
/// </summary>
internal enum PrawIniInterpolation
{
    /// <summary>Values as written: PRAW's default.</summary>
    None,

    /// <summary>configparser's <c>BasicInterpolation</c>: <c>%(key)s</c> and <c>%%</c> (<c>config_interpolation="basic"</c>).</summary>
    Basic,
}

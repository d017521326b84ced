namespace RedditTop.Run;

/// <summary>When the text format is coloured (<c>--color</c>).</summary>
internal enum ColorMode
{
    /// <summary>On a terminal, unless <c>NO_COLOR</c> says no or <c>FORCE_COLOR</c> says yes.</summary>
    Auto,

    Always,

    Never,
}

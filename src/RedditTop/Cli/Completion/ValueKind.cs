namespace RedditTop.Cli.Completion;

/// <summary>How an option's value completes.</summary>
internal enum ValueKind
{
    /// <summary>A flag: the option stands alone.</summary>
    None,

    /// <summary>One of <see cref="OptionInfo.Values"/>.</summary>
    Choice,

    /// <summary>A file name.</summary>
    File,

    /// <summary>A directory name.</summary>
    Directory,

    /// <summary>A value nobody can list (a number, a URL): nothing is completed.</summary>
    Other,
}

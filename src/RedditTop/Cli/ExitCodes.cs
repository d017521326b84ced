namespace RedditTop.Cli;

/// <summary>The process exit codes; part of the command's contract and listed in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every subreddit was fetched and printed.</summary>
    public const int Success = 0;

    /// <summary>At least one subreddit failed; the others were still printed.</summary>
    public const int SubredditFailed = 1;

    /// <summary>The command line was wrong; nothing was fetched.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C or SIGTERM); blocks already printed are complete.</summary>
    public const int Interrupted = 130;
}

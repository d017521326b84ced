namespace RedditTop.Run;

/// <summary>The process exit codes; part of the command's contract and listed in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Every subreddit was fetched and printed.</summary>
    public const int Success = 0;

    /// <summary>At least one subreddit failed (the others were still printed), or the output could not be written.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; nothing was fetched.</summary>
    public const int Usage = 2;

    /// <summary>A bug in reddittop: an exception nobody expected. The message asks for a report.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl+C (SIGINT); blocks already printed are complete.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM; blocks already printed are complete.</summary>
    public const int Terminated = 143;
}

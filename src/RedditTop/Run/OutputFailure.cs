namespace RedditTop.Run;

/// <summary>The one rule for a write to stdout that fails: a reader that went away is not an error, anything else is.</summary>
internal static class OutputFailure
{
    /// <summary>EPIPE: .NET ignores SIGPIPE, so writing to a closed pipe fails with this errno instead.</summary>
    private const int BrokenPipe = 32;

    /// <summary>Whether <paramref name="exception"/> is a failed write: disk full, closed pipe, stdout closed (<c>reddittop &gt;&amp;-</c>).</summary>
    public static bool IsWriteFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>
    /// Reports a failed write through <paramref name="writeLine"/> (stderr) and returns true, unless the reader went away
    /// (<c>reddittop ... | head -3</c>): then it returns false and says nothing, as other Unix tools do.
    /// </summary>
    public static bool Report(Exception exception, Action<string> writeLine)
    {
        if (exception is IOException { HResult: BrokenPipe })
        {
            return false;
        }

        writeLine($"reddittop: cannot write output: {exception.Message}");
        return true;
    }
}

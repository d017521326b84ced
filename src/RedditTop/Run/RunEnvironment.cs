namespace RedditTop.Run;

/// <summary>
/// What a run touches outside itself: its output streams (and whether each is a terminal), environment variables,
/// the clock, the network and the current folder. Hosting/ProcessHost.cs passes the real ones; tests pass writers, a fake
/// clock and a mock handler.
/// </summary>
internal sealed record RunEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    TimeProvider Time,
    HttpMessageHandler? Handler = null,
    bool OutIsTerminal = false,
    bool ErrorIsTerminal = false)
{
    /// <summary>The folder the program was started in, where PRAW looks for a <c>praw.ini</c>; null for none (tests).</summary>
    public string? CurrentDirectory { get; init; }
}

namespace RedditTop.Run;

/// <summary>
/// What a run touches outside itself: its output streams (and whether each is a terminal), environment variables,
/// the clock and the network. Hosting/ProcessHost.cs passes the real ones; tests pass writers, a fake clock and a mock handler.
/// </summary>
internal sealed record RunEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    TimeProvider Time,
    HttpMessageHandler? Handler = null,
    bool OutIsTerminal = false,
    bool ErrorIsTerminal = false);

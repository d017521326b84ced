namespace FakeReddit;

/// <summary>
/// Reddit's rate limit: at most <see cref="Requests"/> listing requests in each fixed window of
/// <see cref="WindowSeconds"/>, the first window starting with the server's first request.
/// </summary>
public sealed class RateBudget
{
    /// <summary>Requests answered in one window; later ones in the same window get 429.</summary>
    public int Requests { get; set; }

    /// <summary>The window's length in seconds (Reddit's is 600).</summary>
    public int WindowSeconds { get; set; }
}

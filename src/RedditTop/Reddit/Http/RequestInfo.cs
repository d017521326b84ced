namespace RedditTop.Reddit.Http;

/// <summary>What the handlers of the stack record on a request, for the client and the <c>--verbose</c> log.</summary>
internal static class RequestInfo
{
    /// <summary>The subreddit a request is for, as the user typed it.</summary>
    public static readonly HttpRequestOptionsKey<string> Subreddit = new("reddittop.subreddit");

    /// <summary>How many attempts have been made so far (1 for the first).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("reddittop.attempts");

    public static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;
}

namespace RedditTop.Reddit.Http;

/// <summary>What the handlers of the stack record on a request, for the client and the <c>--verbose</c> log.</summary>
internal static class RequestInfo
{
    /// <summary>What a request is for, as the <c>--verbose</c> log names it: <c>r/python</c>, <c>r/python: page 2</c>, <c>token endpoint</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> Label = new("reddittop.label");

    /// <summary>How many attempts have been made so far (1 for the first).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("reddittop.attempts");

    /// <summary>When the current attempt was sent (a <see cref="TimeProvider.GetTimestamp"/>), past any wait for a slot or the budget.</summary>
    public static readonly HttpRequestOptionsKey<long> SentAt = new("reddittop.sent-at");

    public static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 0;
}

namespace RedditTop.Reddit.Failures;

/// <summary>The JSON body Reddit sends with many error statuses, e.g. <c>{"reason": "private", "message": "Forbidden", "error": 403}</c>.</summary>
internal sealed record RedditError(string? Reason = null, string? Message = null);

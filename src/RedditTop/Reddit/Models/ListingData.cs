namespace RedditTop.Reddit.Models;

/// <summary>The body of a listing page as sent; <see cref="After"/> names the next page, if any.</summary>
internal sealed record ListingData(IReadOnlyList<Thing?>? Children, string? After = null, string? Before = null);

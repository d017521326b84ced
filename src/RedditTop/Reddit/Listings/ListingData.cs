namespace RedditTop.Reddit.Listings;

/// <summary>The body of a listing page as sent; <see cref="After"/> names the next page, if any.</summary>
internal sealed record ListingData(ChildList? Children, string? After = null, string? Before = null);

namespace RedditTop.Reddit.Listings;

/// <summary>
/// A page of a Reddit listing as sent: <c>{"kind": "Listing", "data": {...}}</c>. Every member may be missing or
/// null in a broken answer; <see cref="ListingReader"/> decides what a usable page is.
/// </summary>
internal sealed record Listing(string? Kind, ListingData? Data);

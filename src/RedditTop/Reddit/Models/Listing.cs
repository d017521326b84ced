namespace RedditTop.Reddit.Models;

/// <summary>A page of a Reddit listing: <c>{"kind": "Listing", "data": {...}}</c>.</summary>
internal sealed record Listing(string Kind, ListingData Data);

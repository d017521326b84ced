namespace RedditTop.Reddit.Listings;

/// <summary>One child of a listing as sent: <c>{"kind": "t3", "data": {...}}</c> for a post.</summary>
internal sealed record Thing(string? Kind, PostData? Data);

namespace RedditTop.Reddit.Listings;

/// <summary>One child of a listing as sent: <c>{"kind": "t3", "data": {...}}</c> for a post.</summary>
/// <remarks>Settable properties, as <see cref="PostData"/>: read without a constructor's argument buffer.</remarks>
internal sealed class Thing
{
    public string? Kind { get; set; }

    public PostData? Data { get; set; }
}

namespace RedditTop.Reddit.Listings;

/// <summary>Thrown while a listing is read, once it has more children than <see cref="ChildList.MaxCount"/>.</summary>
internal sealed class TooManyChildrenException(int limit) : Exception($"the listing has more than {limit} children")
{
    public int Limit { get; } = limit;
}

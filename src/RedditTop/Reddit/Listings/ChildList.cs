using System.Collections.ObjectModel;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// A listing page's children, at most <see cref="MaxCount"/>. Reddit sends at most 100 a page, so a page with more is
/// not Reddit's; it is refused as it is read, before millions of tiny children (<c>[{},{},…]</c> fits four million in
/// the size cap) become millions of objects.
/// </summary>
internal sealed class ChildList : Collection<Thing?>
{
    public const int MaxCount = 1000;

    protected override void InsertItem(int index, Thing? item)
    {
        if (Count >= MaxCount)
        {
            throw new TooManyChildrenException(MaxCount);
        }

        base.InsertItem(index, item);
    }
}

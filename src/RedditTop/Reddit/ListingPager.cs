using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// A whole subreddit, page by page: follows the listing's <c>after</c> cursor 100 at a time until the count is reached
/// or the listing ends (no cursor, or a short page). Posts are de-duplicated by id across pages; a filter
/// (<see cref="PostFilter"/>) reads whole pages, up to <see cref="RedditClientOptions.MaxPagesWithFilter"/>.
/// </summary>
internal static class ListingPager
{
    public static async Task<SubredditResult> GetPostsAsync(RedditClient client, SubredditQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var deadlineReached = client.StartDeadline();

        var posts = new List<Post>(Math.Min(query.Count, SubredditQuery.MaxPerRequest));
        var seen = new HashSet<string>(posts.Capacity, StringComparer.Ordinal); // sized as the first page: no growing on it
        var filter = client.Options.Filter is { IsEmpty: false } f ? f : null;
        string? after = null;

        // The --verbose log numbers the pages of a subreddit that may take more than one: a count over 100, or a filter.
        var paged = query.Count > SubredditQuery.MaxPerRequest || filter is not null;
        for (var pages = 1; ; pages++)
        {
            // A filter may drop posts, so it reads whole pages.
            var limit = filter is null ? Math.Min(query.Count - posts.Count, SubredditQuery.MaxPerRequest) : SubredditQuery.MaxPerRequest;
            var (page, failure) = await client.GetPageAsync(query, limit, after, paged ? pages : null, cancellationToken, deadlineReached.Token).ConfigureAwait(false);
            if (failure is not null)
            {
                return SubredditResult.Fail(query, failure);
            }

            var added = 0;
            foreach (var post in page!.Posts)
            {
                if (posts.Count < query.Count && (post.Id is null || seen.Add(post.Id)))
                {
                    added++;
                    if (filter?.Keeps(post) ?? true)
                    {
                        posts.Add(post);
                    }
                }
            }

            // The end: the count is reached, the listing says there is no more, a page came back short, it brought
            // nothing new (a server repeating itself must not keep us paging), or a filter has read its pages.
            if (posts.Count >= query.Count || page.After is null || page.After == after || page.Posts.Count < limit || added == 0
                || (filter is not null && pages >= RedditClientOptions.MaxPagesWithFilter))
            {
                return SubredditResult.Success(query, posts, client.Time.GetUtcNow());
            }

            after = page.After;
        }
    }
}

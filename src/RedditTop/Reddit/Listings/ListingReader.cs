using System.Diagnostics.CodeAnalysis;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// Turns a parsed listing page into the posts to print, or says in the user's terms why the page is not usable.
/// A post needs a title, a score and a URL (every output shows them); any other field may be missing. Children
/// that are not posts (not <c>t3</c>, or without data) are skipped.
/// </summary>
internal static class ListingReader
{
    public static bool TryGetPosts(Listing? listing, [NotNullWhen(true)] out IReadOnlyList<Post>? posts, [NotNullWhen(false)] out string? problem)
    {
        posts = null;
        problem = listing switch
        {
            null or { Kind: null } => "not a listing",
            { Kind: not "Listing" } => $"not a listing (kind '{new ServerText(listing.Kind)}')", // the server's word, cleaned
            { Data: null } => "listing has no data",
            { Data.Children: null } => "listing has no children",
            _ => null,
        };
        if (problem is not null)
        {
            return false;
        }

        var children = listing!.Data!.Children!;
        var result = new List<Post>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not { Kind: "t3", Data: { } data })
            {
                continue;
            }

            // Posts are counted from 1, in the order the server sent them.
            var missing = data.Title is null ? "title" : data.Score is null ? "score" : data.Url is null ? "URL" : null;
            if (missing is not null)
            {
                problem = $"post {i + 1} has no {missing}";
                return false;
            }

            result.Add(new Post(
                data.Title!,
                data.Score!.Value,
                data.Url!,
                data.Id,
                data.Permalink,
                data.Subreddit,
                data.CreatedUtc,
                data.Author,
                data.NumComments,
                data.Over18 ?? false,
                data.Stickied ?? false,
                data.Domain,
                data.LinkFlairText is { Length: > 0 } flair ? flair : null));
        }

        posts = result;
        return true;
    }
}

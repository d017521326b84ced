using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Benchmarks;

/// <summary>The recorded r/askreddit top listing (100 posts), as bytes and as the posts reddittop reads from it.</summary>
internal static class RecordedListing
{
    public const string Subreddit = "askreddit";

    /// <summary>The response body, copied next to the benchmark assembly by the project file.</summary>
    public static byte[] ReadBytes() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "listing_top.json"));

    /// <summary>Reads a listing body the way <see cref="RedditClient"/> does; throws if the page is not usable.</summary>
    public static async Task<IReadOnlyList<Post>> ReadPostsAsync(Stream body, CancellationToken cancellationToken)
    {
        var listing = await System.Text.Json.JsonSerializer.DeserializeAsync(body, RedditJsonContext.Default.Listing, cancellationToken).ConfigureAwait(false);
        if (!ListingReader.TryGetPosts(listing, out var posts, out var problem))
        {
            throw new InvalidDataException($"The recorded listing is not usable: {problem}.");
        }

        return RedditText.DecodeIfEscaped(posts);
    }
}

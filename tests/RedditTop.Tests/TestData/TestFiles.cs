using System.Text.Json;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.TestData;

/// <summary>Recorded Reddit responses copied or linked next to the tests (see TestData/SOURCES.md).</summary>
internal static class TestFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>The posts of a recorded listing, read the way the client reads a response.</summary>
    public static IReadOnlyList<Post> ReadPosts(string name)
    {
        var listing = JsonSerializer.Deserialize(Read(name), RedditJsonContext.Default.Listing);
        return ListingReader.TryGetPosts(listing, out var posts, out var problem)
            ? posts
            : throw new InvalidOperationException($"{name}: {problem}");
    }
}

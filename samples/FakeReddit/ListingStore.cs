using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeReddit;

/// <summary>
/// The posts the server knows: real recorded listings (under <c>Data/recorded</c>, see its README) and
/// generated ones for a set of programming subreddits. Everything is kept unescaped (as with
/// <c>raw_json=1</c>) and escaped per request when the client did not ask for raw JSON.
/// </summary>
public sealed class ListingStore
{
    /// <summary>Subreddits with generated posts, besides those named in a scenario.</summary>
    public static readonly IReadOnlyList<string> GeneratedSubreddits =
        ["python", "programming", "asyncio", "dailyprogrammer", "csharp", "dotnet", "rust", "golang", "learnprogramming", "compsci"];

    // Real responses: subreddit → (sort → file). "*" serves every sort. Legacy-escaped recordings are decoded on load.
    private static readonly (string Subreddit, string Sort, string File, bool Escaped)[] Recordings =
    [
        ("askreddit", "top", "listing_top.json", false),
        ("askreddit", "hot", "listing_hot_stickied.json", false),
        ("all", "*", "listing_top_no_raw_json.json", true),
        ("reddit_api_test", "*", "listing_sub_no_raw_json_amp.json", true),
    ];

    // Reddit writes '&', '<', '>' and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<(string, string), List<JsonObject>> _recorded = [];
    private readonly ConcurrentDictionary<(string, string), List<JsonObject>> _generated = new();
    private readonly DateTimeOffset _now;

    public ListingStore(DateTimeOffset now)
    {
        _now = now;
        foreach (var (subreddit, sort, file, escaped) in Recordings)
        {
            using var stream = typeof(ListingStore).Assembly.GetManifestResourceStream($"FakeReddit.Data.recorded.{file}")
                ?? throw new InvalidOperationException($"missing embedded recording {file}");
            var listing = JsonNode.Parse(stream)!;
            if (escaped)
            {
                RedditEscaping.MapStrings(listing, RedditEscaping.Unescape);
            }

            _recorded[(subreddit, sort)] = listing["data"]!["children"]!.AsArray().Select(c => c!.AsObject()).ToList();
        }
    }

    /// <summary>Whether a subreddit (one part of a multireddit name) has posts here.</summary>
    public bool HasRecordedOrGenerated(string subreddit) =>
        _recorded.Keys.Any(k => string.Equals(k.Item1, subreddit, StringComparison.OrdinalIgnoreCase))
        || GeneratedSubreddits.Contains(subreddit, StringComparer.OrdinalIgnoreCase);

    /// <summary>The whole listing of one subreddit, best first, unescaped. Callers must not change the objects.</summary>
    public IReadOnlyList<JsonObject> Posts(string subreddit, string sort, string time)
    {
        var key = subreddit.ToLowerInvariant();
        if (_recorded.TryGetValue((key, sort), out var posts) || _recorded.TryGetValue((key, "*"), out posts)
            || _recorded.TryGetValue((key, "top"), out posts))
        {
            return posts;
        }

        return _generated.GetOrAdd((key, time), k => ListingGenerator.Generate(k.Item1, k.Item2, _now));
    }

    /// <summary>
    /// Builds a response body the way Reddit does: at most <paramref name="limit"/> children after the one named
    /// <paramref name="after"/>, <c>data.after</c> naming the last child when more remain, strings escaped unless
    /// <paramref name="rawJson"/>.
    /// </summary>
    public static string Render(IEnumerable<JsonObject> posts, int limit, string? after, bool rawJson)
    {
        var all = posts.ToList();
        var start = 0;
        if (after is not null)
        {
            var index = all.FindIndex(p => (string?)p["data"]?["name"] == after);
            start = index < 0 ? all.Count : index + 1;
        }

        var page = all.Skip(start).Take(limit).Select(p => p.DeepClone()).ToList();
        var more = start + page.Count < all.Count;
        var listing = new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject
            {
                ["after"] = more && page.Count > 0 ? (string?)page[^1]["data"]?["name"] : null,
                ["dist"] = page.Count,
                ["modhash"] = "",
                ["geo_filter"] = "",
                ["children"] = new JsonArray([.. page]),
                ["before"] = null,
            },
        };
        if (!rawJson)
        {
            RedditEscaping.MapStrings(listing, RedditEscaping.Escape);
        }

        return Serialize(listing);
    }

    /// <summary>A listing as Reddit writes it: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> and non-ASCII text as they are.</summary>
    public static string Serialize(JsonNode listing) => listing.ToJsonString(WriteOptions);
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeReddit;

/// <summary>
/// The posts the server knows: real recorded listings (under <c>Data/recorded</c>, see its README) and
/// generated ones for a set of programming subreddits, made afresh for each request as far as its page reaches.
/// Recordings are kept unescaped (as with <c>raw_json=1</c>); a page is escaped when the client did not ask for raw JSON.
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

    /// <summary>
    /// Builds one page of a listing the way Reddit does: at most <paramref name="limit"/> children after the one named
    /// <paramref name="after"/>, <c>data.after</c> naming the last child when more remain, strings escaped unless
    /// <paramref name="rawJson"/>. The listing is the posts of <paramref name="parts"/> (more than one: a multireddit,
    /// merged by score), cut to its first <paramref name="postCount"/> when that is set. Generated posts are made only
    /// as far as the page reaches (one more, to know whether more remain), and only the page's are built as JSON;
    /// a multireddit draws its parts' posts whole to merge them. Nothing is kept between requests.
    /// </summary>
    public string RenderPage(IReadOnlyList<string> parts, string sort, string time, int? postCount, int limit, string? after, bool rawJson)
    {
        var posts = parts.Count == 1
            ? Posts(parts[0], sort, time)
            : parts.SelectMany(part => Posts(part, sort, time)).OrderByDescending(p => p.Score); // stable: ties keep the parts' order
        if (postCount is { } count)
        {
            posts = posts.Take(count);
        }

        using var cursor = posts.GetEnumerator();
        var found = after is null;
        while (!found && cursor.MoveNext())
        {
            found = cursor.Current.Name == after;
        }

        var page = new List<Post>();
        while (found && page.Count < limit && cursor.MoveNext())
        {
            page.Add(cursor.Current);
        }

        var more = found && cursor.MoveNext();
        var listing = new JsonObject
        {
            ["kind"] = "Listing",
            ["data"] = new JsonObject
            {
                ["after"] = more && page.Count > 0 ? page[^1].Name : null,
                ["dist"] = page.Count,
                ["modhash"] = "",
                ["geo_filter"] = "",
                ["children"] = new JsonArray([.. page.Select(p => p.ToJson())]),
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

    /// <summary>The whole listing of one subreddit, best first, unescaped: recorded, or generated as it is read.</summary>
    private IEnumerable<Post> Posts(string subreddit, string sort, string time)
    {
        var key = subreddit.ToLowerInvariant();
        if (_recorded.TryGetValue((key, sort), out var recorded) || _recorded.TryGetValue((key, "*"), out recorded)
            || _recorded.TryGetValue((key, "top"), out recorded))
        {
            return recorded.Select(p => new Post((string?)p["data"]?["name"], (int?)p["data"]?["score"] ?? 0, p, null));
        }

        return ListingGenerator.Generate(key, time, _now).Select(p => new Post(p.Name, p.Score, null, p));
    }

    /// <summary>A post of a listing: its fullname and score, read without building it, then its JSON when it is sent.</summary>
    private readonly record struct Post(string? Name, int Score, JsonObject? Recorded, ListingGenerator.GeneratedPost? Generated)
    {
        /// <summary>A copy for one response, which may change it (escaping, odd listings).</summary>
        public JsonObject ToJson() => Generated?.ToJson() ?? Recorded!.DeepClone().AsObject();
    }
}

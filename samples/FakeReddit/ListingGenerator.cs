using System.Globalization;
using System.Text.Json.Nodes;

namespace FakeReddit;

/// <summary>
/// Makes up a Reddit-shaped top listing for any subreddit: the same name and time window always give the
/// same posts. Titles mix in what real ones contain: <c>&amp;</c>, <c>&lt;</c>, emoji and accents. Posts are made
/// one at a time, best first, as they are read, so a page costs only the posts up to its end.
/// </summary>
internal static class ListingGenerator
{
    /// <summary>Reddit's own cap: paging a listing ends after 1,000 posts.</summary>
    public const int PostsPerListing = 1000;

    private static readonly string[] Templates =
    [
        "Q&A: ask your {topic} questions here <weekly thread>",
        "I rewrote my {thing} in {lang} & it's 10× faster 🚀",
        "What's new in {lang} this month? (release notes inside)",
        "Café-driven development: {topic} tips from São Paulo ☕",
        "{lang} vs Rust for {thing}: which would you pick?",
        "Show r/{sub}: a tiny {thing} I wrote over the weekend",
        "Why does x < y && y > z behave like this in {lang}?",
        "[Discussion] Is {topic} still worth learning in 2026?",
        "Challenge #{n} [Easy] build a {thing} 🧩",
        "Naïve question about {topic} — please be gentle",
        "TIL: {lang} has had a built-in {thing} for years",
        "My first {thing}: feedback welcome 🙏",
    ];

    private static readonly string[] Topics = ["async I/O", "type hints", "testing", "packaging", "concurrency", "parsing", "generators", "event loops"];
    private static readonly string[] Things = ["web scraper", "CLI", "HTTP client", "JSON parser", "task queue", "chat bot", "file watcher", "game"];
    private static readonly string[] Authors = ["spez", "gvanrossum_fan", "async_alice", "bob_the_builder", "zoë_codes", "null_pointer", "[deleted]", "dmr_reader"];
    private static readonly string[] Links =
    [
        "https://github.com/example/{slug}",
        "https://docs.example.org/{slug}.html",
        "https://blog.example.com/posts/{slug}?utm_source=reddit&utm_medium=social",
        "https://www.youtube.com/watch?v={id}&t=42s",
    ];

    /// <summary>
    /// The listing's <see cref="PostsPerListing"/> posts, best first, created within the time window
    /// <paramref name="time"/> before <paramref name="now"/>. Lazy: each post is drawn when the enumeration reaches it
    /// (the n-th post depends on the draws for those before it), and its JSON is built only by <see cref="GeneratedPost.ToJson"/>.
    /// </summary>
    public static IEnumerable<GeneratedPost> Generate(string subreddit, string time, DateTimeOffset now)
    {
        var random = new Random(StableHash(subreddit.ToLowerInvariant() + "/" + time));
        var window = Window(time);
        var display = DisplayName(subreddit);
        var score = (int)((800 + random.Next(4000)) * WindowScale(time));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < PostsPerListing; i++)
        {
            // The first post always carries '&' and '<' so unescaping is visible in every listing.
            // The draws below keep their order: every later post depends on it.
            var template = i == 0 ? Templates[0] : Templates[random.Next(Templates.Length)];
            var title = template
                .Replace("{topic}", Topics[random.Next(Topics.Length)], StringComparison.Ordinal)
                .Replace("{thing}", Things[random.Next(Things.Length)], StringComparison.Ordinal)
                .Replace("{lang}", display, StringComparison.Ordinal)
                .Replace("{sub}", display, StringComparison.Ordinal)
                .Replace("{n}", (100 + random.Next(400)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var id = ToBase36(StableHash($"{subreddit}/{time}/{i}") & 0x7fffffff);
            for (var salt = 1; !ids.Add(id); salt++)
            {
                id = ToBase36(StableHash($"{subreddit}/{time}/{i}/{salt}") & 0x7fffffff); // ids name pages (after=t3_<id>), so no two may be equal
            }

            var isSelf = random.Next(3) == 0;
            var link = isSelf ? null : Links[random.Next(Links.Length)];
            var created = now - TimeSpan.FromSeconds(random.NextDouble() * window.TotalSeconds);
            var author = Authors[random.Next(Authors.Length)];
            var comments = random.Next(score / 4 + 1);
            yield return new GeneratedPost(id, title, score, display, link, author, comments, created.ToUnixTimeSeconds());
            score = Math.Max(1, score - 1 - random.Next(Math.Max(1, score / 8)));
        }
    }

    /// <summary>How a subreddit's name is capitalised in its posts: <c>python</c> → <c>Python</c>.</summary>
    public static string DisplayName(string subreddit) =>
        subreddit.Length == 0 ? subreddit : char.ToUpperInvariant(subreddit[0]) + subreddit[1..].ToLowerInvariant();

    private static TimeSpan Window(string time) => time switch
    {
        "hour" => TimeSpan.FromHours(1),
        "week" => TimeSpan.FromDays(7),
        "month" => TimeSpan.FromDays(30),
        "year" => TimeSpan.FromDays(365),
        "all" => TimeSpan.FromDays(365 * 15),
        _ => TimeSpan.FromDays(1),
    };

    private static double WindowScale(string time) => time switch
    {
        "hour" => 0.05,
        "week" => 4,
        "month" => 10,
        "year" => 40,
        "all" => 80,
        _ => 1,
    };

    private static string Slug(string title)
    {
        var words = new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('_', words.Take(8));
    }

    private static string ToBase36(int value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new Stack<char>();
        do
        {
            chars.Push(Digits[value % 36]);
            value /= 36;
        }
        while (value > 0);
        return new string([.. chars]);
    }

    /// <summary>FNV-1a: unlike <see cref="string.GetHashCode()"/>, the same in every process.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    /// <summary>
    /// One generated post, as drawn: what the listing needs to page and merge (<see cref="Name"/>, <see cref="Score"/>)
    /// and the rest, turned into Reddit's JSON only for a post that is sent.
    /// </summary>
    /// <param name="Link">The link's template (<c>{slug}</c>, <c>{id}</c>), or null for a self post.</param>
    internal sealed record GeneratedPost(string Id, string Title, int Score, string Display, string? Link, string Author, int Comments, long CreatedUtc)
    {
        public string Name => "t3_" + Id;

        /// <summary>The post as Reddit sends it, <c>{"kind": "t3", "data": {...}}</c>, unescaped; a new object each call.</summary>
        public JsonObject ToJson()
        {
            var slug = Slug(Title);
            var permalink = $"/r/{Display}/comments/{Id}/{slug}/";
            var isSelf = Link is null;
            var url = Link is null
                ? "https://www.reddit.com" + permalink
                : Link.Replace("{slug}", slug, StringComparison.Ordinal).Replace("{id}", Id, StringComparison.Ordinal);
            return new JsonObject
            {
                ["kind"] = "t3",
                ["data"] = new JsonObject
                {
                    ["id"] = Id,
                    ["name"] = Name,
                    ["title"] = Title,
                    ["score"] = Score,
                    ["ups"] = Score,
                    ["url"] = url,
                    ["permalink"] = permalink,
                    ["domain"] = isSelf ? "self." + Display : new Uri(url).Host,
                    ["is_self"] = isSelf,
                    ["selftext"] = isSelf ? "Details & context <inside>." : "",
                    ["subreddit"] = Display,
                    ["subreddit_name_prefixed"] = "r/" + Display,
                    ["author"] = Author,
                    ["num_comments"] = Comments,
                    ["created_utc"] = (double)CreatedUtc,
                    ["over_18"] = false,
                    ["stickied"] = false,
                },
            };
        }
    }
}

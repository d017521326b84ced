using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RedditTop.Reddit.Listings;
using RedditTop.Tests.TestData;

namespace RedditTop.Tests.Properties;

/// <summary>
/// Listing bodies for the parser: listings written from generated posts (raw, or escaped the way Reddit escapes text
/// without <c>raw_json=1</c>), the recorded listings mutated (bytes flipped, cut, inserted, deleted, spans duplicated),
/// JSON-like token soup and plain random bytes.
/// </summary>
internal static class Listings
{
    /// <summary>The recorded listings (TestData), as sent.</summary>
    private static readonly byte[][] Recorded =
        new[] { "listing_top.json", "listing_hot_stickied.json", "listing_top_no_raw_json.json", "listing_sub_no_raw_json_amp.json" }
            .Select(name => File.ReadAllBytes(TestFiles.PathOf(name))).ToArray();

    /// <summary>Bytes that a mutation inserts: tokens that change what a value is, and bytes that are not UTF-8.</summary>
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "null", "true", "false", "0", "-", "-1", "1.5", "1e400", "-1e400", "2147483648",
        "-2147483649", "1e-400", "00", "\"x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"\\x\"", "[]", "{}", "\"kind\"", "\"Listing\"",
        "\"t3\"", "\"data\"", "\"children\"", "\"after\"", "\"title\"", "\"score\"", "\"url\"", "\"created_utc\"", "\"over_18\"",
        "\"num_comments\"", "\"link_flair_text\"", "NaN", "Infinity", "/* */", "\u001b", "\ufeff", " ", "\n", "\t", "\r\n",
    ];

    private static readonly byte[][] TokenBytes =
        [.. Tokens.Select(Encoding.UTF8.GetBytes), [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xEF, 0xBB, 0xBF]];

    /// <summary>Children that are not posts; the reader skips every one.</summary>
    private static readonly string[] NotPosts =
    [
        "null",
        """{"kind": "t1", "data": {"title": "a comment", "score": 1, "url": "https://example.com/c"}}""",
        """{"kind": "t3", "data": null}""",
        """{"kind": "t3"}""",
        """{"kind": "more", "data": {"count": 5, "children": ["a", "b"]}}""",
        """{"data": {"title": "no kind", "score": 1, "url": "https://example.com/n"}}""",
        """{"kind": "T3", "data": {"title": "kind in capitals", "score": 1, "url": "https://example.com/k"}}""",
        """{"kind": null, "data": {"title": "kind null", "score": 1, "url": "https://example.com/k"}}""",
    ];

    /// <summary>Plain random bytes, up to a few hundred.</summary>
    public static Gen<byte[]> RandomBytes { get; } = Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    /// <summary>JSON-like tokens and stray bytes, often after the opening of a listing so the parser gets deep into it.</summary>
    public static Gen<byte[]> TokenSoup { get; } =
        from prefix in Gen.Elements("", "{\"kind\": \"Listing\", \"data\": {\"children\": [", "{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t3\", \"data\": {")
        from tokens in Gen.Elements(TokenBytes).ListOf()
        select Encoding.UTF8.GetBytes(prefix).Concat(tokens.SelectMany(t => t)).ToArray();

    /// <summary>A listing a server could send, and the posts that a reader must get from it.</summary>
    public static Gen<ListingCase> Valid { get; } =
        from posts in Posts.ListOf(Texts.Any, max: 12, finiteTimes: true)
        from notPosts in Gen.Zip(Gen.Choose(0, 100), Gen.Elements(NotPosts)).ListOf().Resize(4)
        from sparse in Gen.Elements(false, true)
        from escaped in Gen.Elements(false, true)
        select ListingCase.From(posts, notPosts.Select(n => (n.Item1, n.Item2)).ToList(), sparse, escaped);

    /// <summary>A recorded or written listing with one to four mutations.</summary>
    public static Gen<byte[]> Mutated { get; } =
        from original in Gen.Frequency((3, Gen.Elements(Recorded)), (1, Valid.Select(listing => listing.Body)))
        from mutations in Gen.Choose(1, 4).SelectMany(count => Mutation.Any.ListOf(count))
        select mutations.Aggregate(original, (body, mutation) => mutation.Apply(body));

    /// <summary>Reddit's legacy escaping of text in a listing without <c>raw_json=1</c>.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>One change to a body: where (a byte, or one of the bytes JSON is built with), what, and how much.</summary>
    internal sealed record Mutation(int Kind, int Where, bool OnStructure, int Length, int Value, int Target)
    {
        public static Gen<Mutation> Any { get; } =
            from kind in Gen.Choose(0, 4)
            from position in Gen.Choose(0, int.MaxValue)
            from onStructure in Gen.Elements(false, true)
            from length in Gen.Frequency((3, Gen.Choose(1, 8)), (1, Gen.Choose(1, 4096)))
            from value in Gen.Choose(0, int.MaxValue)
            from target in Gen.Choose(0, int.MaxValue)
            select new Mutation(kind, position, onStructure, length, value, target);

        public byte[] Apply(byte[] body)
        {
            if (body.Length == 0)
            {
                return TokenBytes[Value % TokenBytes.Length];
            }

            var at = Position(body, Where);
            var span = body.AsSpan(at, Math.Min(Length, body.Length - at));
            return Kind switch
            {
                0 => Flip(body, at),
                1 => body[..at],
                2 => [.. body.AsSpan(0, at), .. TokenBytes[Value % TokenBytes.Length], .. body.AsSpan(at)],
                3 => [.. body.AsSpan(0, at), .. body.AsSpan(at + span.Length)],
                _ => Insert(body, Position(body, Target), span),
            };
        }

        private byte[] Flip(byte[] body, int at)
        {
            var copy = body.ToArray();
            copy[at] = Value % 2 == 0 ? (byte)(Value >> 1) : (byte)(copy[at] ^ (1 << ((Value >> 1) % 8)));
            return copy;
        }

        private static byte[] Insert(byte[] body, int at, ReadOnlySpan<byte> span) => [.. body.AsSpan(0, at), .. span, .. body.AsSpan(at)];

        /// <summary>A byte anywhere, or, when <see cref="OnStructure"/>, one of <c>{}[]:,"</c>, where a change breaks the most.</summary>
        private int Position(byte[] body, int random)
        {
            if (OnStructure)
            {
                var structure = body.AsSpan().IndexOfAny("{}[]:,\""u8) >= 0 ? StructurePositions(body) : [];
                if (structure.Count > 0)
                {
                    return structure[random % structure.Count];
                }
            }

            return random % body.Length;
        }

        private static List<int> StructurePositions(byte[] body)
        {
            var positions = new List<int>();
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)':' or (byte)',' or (byte)'"')
                {
                    positions.Add(i);
                }
            }

            return positions;
        }
    }
}

/// <summary>A listing body written with <see cref="Utf8JsonWriter"/>, and the posts a reader must get from it, in order.</summary>
internal sealed record ListingCase(byte[] Body, IReadOnlyList<Post> Expected, bool Escaped)
{
    /// <summary>
    /// Writes <paramref name="posts"/> as a listing page with the children that are not posts put among them. A raw listing
    /// (<paramref name="escaped"/> false) ends with a post whose title has a bare '&amp;', which shows it is raw; an
    /// escaped one has every text field Reddit escapes escaped. <paramref name="sparse"/> leaves out missing values and
    /// false flags instead of writing null and false. Ids are made unique, as Reddit's are.
    /// </summary>
    public static ListingCase From(List<Post> posts, List<(int At, string Json)> notPosts, bool sparse, bool escaped)
    {
        var sent = posts.Select((post, i) => post with { Id = post.Id is null ? null : $"{i}:{post.Id}" }).ToList();
        if (!escaped)
        {
            sent.Add(new Post("Q&A <thread>", 1, "https://example.com/?a=1&b=2", Id: "raw"));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "Listing");
            writer.WriteStartObject("data");
            writer.WriteNull("after");
            writer.WriteNumber("dist", sent.Count);
            writer.WriteStartArray("children");
            for (var i = 0; i <= sent.Count; i++)
            {
                foreach (var (_, json) in notPosts.Where(n => n.At % (sent.Count + 1) == i))
                {
                    writer.WriteRawValue(json);
                }

                if (i < sent.Count)
                {
                    WritePost(writer, escaped ? EscapedAsReddit(sent[i]) : sent[i], sparse);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        // What the reader gives back: text as UTF-8 carries it, an empty flair is no flair.
        var expected = sent.Select(post => post with
        {
            Title = Texts.WithoutLoneSurrogates(post.Title),
            Url = Texts.WithoutLoneSurrogates(post.Url),
            Id = Text(post.Id),
            Permalink = Text(post.Permalink),
            Subreddit = Text(post.Subreddit),
            Author = Text(post.Author),
            Domain = Text(post.Domain),
            Flair = post.Flair is { Length: > 0 } flair ? Texts.WithoutLoneSurrogates(flair) : null,
        }).ToList();
        return new ListingCase(buffer.WrittenSpan.ToArray(), expected, escaped);
    }

    public override string ToString() => $"{(Escaped ? "escaped" : "raw")} listing: {Encoding.UTF8.GetString(Body)}";

    private static string? Text(string? text) => text is null ? null : Texts.WithoutLoneSurrogates(text);

    /// <summary>The text fields Reddit escapes without <c>raw_json=1</c> (the id and the subreddit name have nothing to escape).</summary>
    private static Post EscapedAsReddit(Post post) => post with
    {
        Title = Listings.Escape(post.Title),
        Url = Listings.Escape(post.Url),
        Permalink = post.Permalink is null ? null : Listings.Escape(post.Permalink),
        Author = post.Author is null ? null : Listings.Escape(post.Author),
        Domain = post.Domain is null ? null : Listings.Escape(post.Domain),
        Flair = post.Flair is null ? null : Listings.Escape(post.Flair),
    };

    private static void WritePost(Utf8JsonWriter writer, Post post, bool sparse)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "t3");
        writer.WriteStartObject("data");
        writer.WriteString("selftext", "fields the reader does not know are skipped: \u001b[31m {\"title\": 1}");
        writer.WriteStartObject("preview");
        writer.WriteStartArray("images");
        writer.WriteRawValue("""{"source": {"url": "https://i.example/x.png", "width": 1, "score": "not a number"}}""");
        writer.WriteEndArray();
        writer.WriteEndObject();
        Text("id", post.Id);
        writer.WriteString("title", post.Title);
        writer.WriteNumber("score", post.Score);
        writer.WriteString("url", post.Url);
        Text("permalink", post.Permalink);
        Text("subreddit", post.Subreddit);
        if (post.CreatedUtc is { } created)
        {
            writer.WriteNumber("created_utc", created);
        }
        else if (!sparse)
        {
            writer.WriteNull("created_utc");
        }

        Text("author", post.Author);
        if (post.NumComments is { } comments)
        {
            writer.WriteNumber("num_comments", comments);
        }
        else if (!sparse)
        {
            writer.WriteNull("num_comments");
        }

        Flag("over_18", post.Over18);
        Flag("stickied", post.Stickied);
        Text("domain", post.Domain);
        Text("link_flair_text", post.Flair);
        writer.WriteEndObject();
        writer.WriteEndObject();

        void Text(string name, string? value)
        {
            if (value is not null || !sparse)
            {
                writer.WriteString(name, value);
            }
        }

        void Flag(string name, bool value)
        {
            if (value || !sparse)
            {
                writer.WriteBoolean(name, value);
            }
        }
    }
}

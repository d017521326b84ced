using System.Text.Json.Nodes;

namespace FakeReddit;

/// <summary>
/// Valid listings with odd posts: fields no client knows (<see cref="Fault.ExtraFields"/>), optional fields null
/// (<see cref="Fault.NullFields"/>) or absent (<see cref="Fault.MissingFields"/>), a post without a title
/// (<see cref="Fault.NoTitle"/>). Each rewrites a rendered listing.
/// </summary>
public static class OddListings
{
    /// <summary>
    /// The post fields a client may do without: everything Reddit sends but the title, the score, the URL, the id
    /// and the name (the cursor of the next page).
    /// </summary>
    public static readonly IReadOnlyList<string> OptionalFields =
    [
        "author", "num_comments", "permalink", "created_utc", "link_flair_text", "domain", "subreddit",
        "subreddit_name_prefixed", "over_18", "stickied", "is_self", "selftext", "ups",
    ];

    /// <summary>Whether <paramref name="fault"/> is one of the odd listings this class writes.</summary>
    public static bool Handles(Fault fault) => fault is Fault.ExtraFields or Fault.NullFields or Fault.MissingFields or Fault.NoTitle;

    /// <summary>The listing <paramref name="body"/> rewritten as <paramref name="fault"/> says.</summary>
    public static string Apply(Fault fault, string body)
    {
        var listing = JsonNode.Parse(body)!.AsObject();
        var data = listing["data"]!.AsObject();
        var children = data["children"]!.AsArray();
        switch (fault)
        {
            case Fault.ExtraFields:
                listing["extra_envelope"] = new JsonObject { ["version"] = 2, ["tags"] = new JsonArray("a", new JsonObject { ["b"] = null }) };
                data["extra_listing"] = new JsonArray(1, 2.5, true, null, new JsonObject { ["deep"] = new JsonObject { ["deeper"] = new JsonArray() } });
                foreach (var child in children.Select(c => c!.AsObject()))
                {
                    child["extra_child"] = new JsonObject { ["rank"] = 1, ["seen"] = false };
                    AddExtraPostFields(child["data"]!.AsObject());
                }

                break;
            case Fault.NullFields:
                foreach (var post in Posts(children))
                {
                    foreach (var field in OptionalFields)
                    {
                        post[field] = null;
                    }
                }

                break;
            case Fault.MissingFields:
                foreach (var post in Posts(children))
                {
                    foreach (var field in OptionalFields)
                    {
                        post.Remove(field);
                    }
                }

                break;
            case Fault.NoTitle:
                if (children.Count >= 2)
                {
                    children[1]!["data"]!.AsObject().Remove("title");
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "not an odd listing");
        }

        return ListingStore.Serialize(listing);
    }

    private static IEnumerable<JsonObject> Posts(JsonArray children) => children.Select(c => c!["data"]!.AsObject());

    /// <summary>Fields of the kinds Reddit's posts carry and RedditTop does not read: objects, arrays, numbers, booleans, nulls.</summary>
    private static void AddExtraPostFields(JsonObject post)
    {
        post["preview"] = new JsonObject
        {
            ["images"] = new JsonArray(new JsonObject
            {
                ["source"] = new JsonObject { ["url"] = "https://preview.example.com/a.png?width=640&s=1", ["width"] = 640, ["height"] = 480 },
                ["resolutions"] = new JsonArray(),
                ["id"] = "a1b2c3",
            }),
            ["enabled"] = false,
        };
        post["all_awardings"] = new JsonArray();
        post["gildings"] = new JsonObject();
        post["link_flair_richtext"] = new JsonArray(new JsonObject { ["e"] = "text", ["t"] = "Discussion" });
        post["media"] = null;
        post["edited"] = false;
        post["upvote_ratio"] = 0.97;
        post["thumbnail_width"] = null;
        post["crosspost_parent_list"] = new JsonArray(new JsonObject { ["title"] = "not this post's title", ["score"] = -1 });
    }
}

using System.Text.Json.Nodes;

namespace FakeReddit;

/// <summary>
/// Reddit's legacy escaping: unless a request says <c>raw_json=1</c>, every string in the JSON has
/// <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> replaced by HTML entities.
/// </summary>
internal static class RedditEscaping
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Applies <paramref name="transform"/> to every string value in the tree, in place.</summary>
    public static void MapStrings(JsonNode? node, Func<string, string> transform)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        obj[key] = transform(s);
                    }
                    else
                    {
                        MapStrings(value, transform);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        array[i] = transform(s);
                    }
                    else
                    {
                        MapStrings(array[i], transform);
                    }
                }

                break;
        }
    }
}

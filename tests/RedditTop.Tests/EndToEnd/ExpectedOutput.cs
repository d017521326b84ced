using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>What reddittop must print, built independently from the server's own raw JSON.</summary>
internal static class ExpectedOutput
{
    /// <summary>
    /// The block of <paramref name="name"/> with its first <paramref name="count"/> posts, read page by page (100 at a
    /// time, following <c>after</c>) as a plain HTTP client would. These requests reach the server too.
    /// </summary>
    public static async Task<string> BlockAsync(FakeRedditServer server, string name, int count, string time = "day", bool unescape = false)
    {
        using var http = new HttpClient();
        var block = new StringBuilder($"\n/r/{name}:\n");
        var printed = 0;
        string? after = null;
        do
        {
            var limit = Math.Min(100, count - printed).ToString(CultureInfo.InvariantCulture);
            var page = after is null ? "" : "&after=" + after;
            using var json = JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/r/{name}/top.json?t={time}&limit={limit}&raw_json=1{page}"));
            var data = json.RootElement.GetProperty("data");
            foreach (var child in data.GetProperty("children").EnumerateArray().Take(count - printed))
            {
                var post = child.GetProperty("data");
                block.Append('\t').Append(post.GetProperty("score").GetInt32()).Append(": ").Append(Text(post.GetProperty("title").GetString()!))
                    .Append("\n\t\t(").Append(Text(post.GetProperty("url").GetString()!)).Append(")\n");
                printed++;
            }

            after = data.GetProperty("after").GetString();
        }
        while (after is not null && printed < count);

        return printed == 0 ? block.Append("\t(no posts)\n").ToString() : block.ToString();

        string Text(string text) => unescape ? WebUtility.HtmlDecode(text) : text;
    }
}

using System.Text.Json;
using RedditTop.Output;

namespace RedditTop.Tests.Output;

/// <summary>Compares a post object read back from json or jsonl with the row it was written from.</summary>
internal static class JsonAssert
{
    public static void PostEquals(PostRow expected, JsonElement actual)
    {
        Assert.Equal(PostRow.Names, actual.EnumerateObject().Select(member => member.Name));
        Assert.Equal(expected.Subreddit, actual.GetProperty("subreddit").GetString());
        Assert.Equal(expected.Rank, actual.GetProperty("rank").GetInt32());
        Assert.Equal(expected.Id, actual.GetProperty("id").GetString());
        Assert.Equal(expected.Title, actual.GetProperty("title").GetString());
        Assert.Equal(expected.Score, actual.GetProperty("score").GetInt32());
        Assert.Equal(expected.Url, actual.GetProperty("url").GetString());
        Assert.Equal(expected.Permalink, actual.GetProperty("permalink").GetString());
        Assert.Equal(expected.Author, actual.GetProperty("author").GetString());
        Assert.Equal(expected.NumComments, Nullable(actual.GetProperty("num_comments"), static e => e.GetInt32()));
        Assert.Equal(expected.CreatedUtc, Nullable(actual.GetProperty("created_utc"), static e => e.GetDouble()));
        Assert.Equal(expected.Created, actual.GetProperty("created").GetString());
        Assert.Equal(expected.Over18, actual.GetProperty("over_18").GetBoolean());
        Assert.Equal(expected.Stickied, actual.GetProperty("stickied").GetBoolean());
        Assert.Equal(expected.Domain, actual.GetProperty("domain").GetString());
        Assert.Equal(expected.Flair, actual.GetProperty("flair").GetString());
        Assert.Equal(expected.IsNew, actual.GetProperty("is_new").GetBoolean());
        Assert.Equal(expected.FetchedAt, actual.GetProperty("fetched_at").GetString());
        Assert.Equal(expected.Cached, actual.GetProperty("cached").GetBoolean());
    }

    private static T? Nullable<T>(JsonElement element, Func<JsonElement, T> read)
        where T : struct =>
        element.ValueKind == JsonValueKind.Null ? null : read(element);
}

using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Models;

/// <summary>A post (<c>t3</c>) with the fields RedditTop prints or passes on.</summary>
internal sealed record Post(
    string Id,
    string Title,
    int Score,
    string Url,
    string Permalink,
    string Subreddit,
    double CreatedUtc,
    string? Author = null,
    int NumComments = 0,
    [property: JsonPropertyName("over_18")] bool Over18 = false,
    bool Stickied = false);

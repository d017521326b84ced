using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// A post (<c>t3</c>) as sent, with the fields RedditTop reads. Nothing is required at this level: a missing field
/// that no output uses must not cost the page, and <see cref="ListingReader"/> reports the ones that are needed.
/// </summary>
internal sealed record PostData(
    string? Title = null,
    int? Score = null,
    string? Url = null,
    string? Id = null,
    string? Permalink = null,
    string? Subreddit = null,
    double? CreatedUtc = null,
    string? Author = null,
    int? NumComments = null,
    [property: JsonPropertyName("over_18")] bool? Over18 = null,
    bool? Stickied = null,
    string? Domain = null,
    string? LinkFlairText = null);

using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// A post (<c>t3</c>) as sent, with the fields RedditTop reads. Nothing is required at this level: a missing field
/// that no output uses must not cost the page, and <see cref="ListingReader"/> reports the ones that are needed.
/// </summary>
/// <remarks>
/// Settable properties, not a positional record: System.Text.Json then sets each field as it is read, where a
/// constructor with thirteen parameters makes it gather them in an array first, boxing every number and flag (measured
/// with perf: about a twentieth of a run's CPU went to those arrays and boxes).
/// </remarks>
internal sealed class PostData
{
    public string? Title { get; set; }

    public int? Score { get; set; }

    public string? Url { get; set; }

    public string? Id { get; set; }

    public string? Permalink { get; set; }

    public string? Subreddit { get; set; }

    public double? CreatedUtc { get; set; }

    public string? Author { get; set; }

    public int? NumComments { get; set; }

    [JsonPropertyName("over_18")]
    public bool? Over18 { get; set; }

    public bool? Stickied { get; set; }

    public string? Domain { get; set; }

    public string? LinkFlairText { get; set; }
}

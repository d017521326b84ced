using System.Text.Json.Serialization;

namespace FakeReddit;

/// <summary>What can go wrong with one subreddit's responses.</summary>
public enum Fault
{
    /// <summary>Answer normally.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>200 with a body that is not valid JSON.</summary>
    [JsonStringEnumMemberName("bad-json")]
    BadJson,

    /// <summary>200 with an HTML page instead of JSON.</summary>
    [JsonStringEnumMemberName("html")]
    Html,

    /// <summary>200 with valid JSON that is not a listing.</summary>
    [JsonStringEnumMemberName("not-listing")]
    NotListing,

    /// <summary>200 with a listing whose <c>data</c> is JSON <c>null</c>.</summary>
    [JsonStringEnumMemberName("null-data")]
    NullData,

    /// <summary>200 with a JSON array where the listing object belongs.</summary>
    [JsonStringEnumMemberName("array")]
    Array,

    /// <summary>200 with a listing holding 5,000 nested brackets.</summary>
    [JsonStringEnumMemberName("deep-nesting")]
    DeepNesting,

    /// <summary>200 with <c>Content-Encoding: gzip</c> and a body that is not gzip.</summary>
    [JsonStringEnumMemberName("bad-gzip")]
    BadGzip,

    /// <summary>
    /// 200 with a valid listing of a little more than <see cref="FakeRedditServer.OversizeBytes"/> (one post with a
    /// very long <c>selftext</c>), sent in chunks without a <c>Content-Length</c>.
    /// </summary>
    [JsonStringEnumMemberName("oversize")]
    Oversize,

    /// <summary>200 with an empty body.</summary>
    [JsonStringEnumMemberName("empty")]
    Empty,

    /// <summary>
    /// 200 with the first half of the listing's bytes, cut mid-JSON, as a complete response: <c>Content-Length</c>
    /// is the length of the half, and the connection stays open.
    /// </summary>
    [JsonStringEnumMemberName("cut-json")]
    CutJson,

    /// <summary>200 with a valid listing labelled <c>Content-Type: text/plain; charset=utf-8</c> instead of JSON.</summary>
    [JsonStringEnumMemberName("wrong-content-type")]
    WrongContentType,

    /// <summary>
    /// 200 with a valid listing carrying fields no client knows at every level (the body, the listing, each child,
    /// each post), their values objects, arrays, numbers, booleans and nulls, as Reddit adds fields over time.
    /// </summary>
    [JsonStringEnumMemberName("extra-fields")]
    ExtraFields,

    /// <summary>
    /// 200 with a listing whose posts have the optional fields (<see cref="OddListings.OptionalFields"/>: author,
    /// comment count, permalink, creation time, flair, ...) set to JSON <c>null</c>; title, score, URL, id and name stay.
    /// </summary>
    [JsonStringEnumMemberName("null-fields")]
    NullFields,

    /// <summary>200 with a listing whose posts lack the optional fields <see cref="NullFields"/> sets to null.</summary>
    [JsonStringEnumMemberName("missing-fields")]
    MissingFields,

    /// <summary>200 with a listing whose second post has no <c>title</c>, a field every client needs.</summary>
    [JsonStringEnumMemberName("no-title")]
    NoTitle,

    /// <summary>Send the headers (with the whole body's <c>Content-Length</c>) and half the body, then close the connection; what was sent is delivered first.</summary>
    [JsonStringEnumMemberName("truncate")]
    Truncate,

    /// <summary>Drop the connection without answering.</summary>
    [JsonStringEnumMemberName("reset")]
    Reset,

    /// <summary>Never answer (until the client gives up).</summary>
    [JsonStringEnumMemberName("hang")]
    Hang,
}

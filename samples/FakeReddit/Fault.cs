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

    /// <summary>Send the headers and half the body, then drop the connection.</summary>
    [JsonStringEnumMemberName("truncate")]
    Truncate,

    /// <summary>Drop the connection without answering.</summary>
    [JsonStringEnumMemberName("reset")]
    Reset,

    /// <summary>Never answer (until the client gives up).</summary>
    [JsonStringEnumMemberName("hang")]
    Hang,
}

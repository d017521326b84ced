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

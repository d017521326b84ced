using System.Text.Json.Serialization;

namespace FakeReddit;

/// <summary>What can go wrong with the token endpoint's answer to a request it grants (<see cref="OAuthSettings.Fault"/>).</summary>
public enum TokenFault
{
    /// <summary>Answer normally.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>200 with the normal answer, sent one byte every <see cref="TokenFaults.DripInterval"/> (about half a minute in all).</summary>
    [JsonStringEnumMemberName("drip")]
    Drip,

    /// <summary>
    /// 200 with <c>Content-Encoding: gzip</c> and about 1 MB that decompresses to 1 GiB of spaces (1,024 gzip members of
    /// 1 MiB each, as RFC 1952 allows), in place of the answer; the token is issued all the same, and never seen.
    /// </summary>
    [JsonStringEnumMemberName("gzip-bomb")]
    GzipBomb,
}

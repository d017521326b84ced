using System.Text.Json.Serialization;
using RedditTop.Reddit.Auth;
using RedditTop.Reddit.Failures;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// The source-generated JSON context of what Reddit sends, and of the token cache: no reflection, safe for trimming and
/// NativeAOT. The models take whatever the server sends (no member is required here); <see cref="ListingReader"/>
/// judges whether a page is usable. Nesting deeper than <see cref="MaxDepth"/> is refused as it is read (a real
/// listing nests about ten deep), as are more children than <see cref="ChildList.MaxCount"/>; the size cap is
/// <see cref="Http.ResponseBody"/>'s. A string with a character that is not text is kept, that character as U+FFFD
/// (<see cref="LenientStringConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    MaxDepth = MaxDepth,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(Listing))]
[JsonSerializable(typeof(RedditError))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CachedToken))]
internal sealed partial class RedditJsonContext : JsonSerializerContext
{
    public const int MaxDepth = 64;
}

using System.Text.Json.Serialization;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// The source-generated JSON context of the listing copies (no reflection, safe for trimming and NativeAOT): snake_case
/// names, nullable annotations respected, nesting deeper than <see cref="MaxDepth"/> refused, every string read as a
/// listing's are (<see cref="LenientStringConverter"/>: cut at 8,192 characters, U+FFFD for what is not text), and a
/// time that is not a number (<c>NaN</c>) written and read back as such.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    MaxDepth = MaxDepth,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(ListingCopy))]
internal sealed partial class ListingCopyJsonContext : JsonSerializerContext
{
    public const int MaxDepth = 16;
}

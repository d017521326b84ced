using System.Text.Json.Serialization;

namespace RedditTop.History;

/// <summary>
/// The source-generated JSON context of the state files (no reflection, safe for trimming and NativeAOT), with the
/// same options the state files were always written with: snake_case names, nullable annotations respected, nesting
/// deeper than <see cref="MaxDepth"/> refused.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    MaxDepth = MaxDepth)]
[JsonSerializable(typeof(SeenState))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext
{
    public const int MaxDepth = 64;
}

using System.Text.Json.Serialization;
using RedditTop.Reddit.Models;

namespace RedditTop.Reddit.Json;

/// <summary>The one source-generated JSON context: no reflection, safe for trimming and NativeAOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Listing))]
[JsonSerializable(typeof(RedditError))]
internal sealed partial class RedditJsonContext : JsonSerializerContext;

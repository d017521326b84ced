using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Http;

/// <summary>
/// The source-generated JSON context of the rate budget's file (<see cref="BudgetFile"/>): no reflection, snake_case
/// names, nullable annotations respected, nesting refused past a few levels (the file has none).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    MaxDepth = 4)]
[JsonSerializable(typeof(SavedBudget))]
internal sealed partial class BudgetJsonContext : JsonSerializerContext;

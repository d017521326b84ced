using System.Text.Json.Serialization;

namespace FakeReddit;

/// <summary>Reads scenario files: <c>{"anyName": false, "subreddits": {"python": {"latencyMs": 200, "status": 503, "fault": "reset"}}}</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Scenario))]
[JsonSerializable(typeof(Fault))]
[JsonSerializable(typeof(TokenFault))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;

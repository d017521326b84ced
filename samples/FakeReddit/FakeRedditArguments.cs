using System.Globalization;
using System.Text.Json;

namespace FakeReddit;

/// <summary>FakeReddit's command line (see Program.cs and README.md).</summary>
public sealed record FakeRedditArguments(Scenario Scenario, int Port, string? UrlFile, bool Log)
{
    public static FakeRedditArguments Parse(IReadOnlyList<string> args)
    {
        var scenario = new Scenario();
        var port = 0;
        string? urlFile = null;
        var log = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--any-name")
            {
                scenario.AnyName = true;
                continue;
            }

            if (option == "--ignore-raw-json")
            {
                scenario.IgnoreRawJson = true;
                continue;
            }

            if (option == "--block-anonymous")
            {
                scenario.BlockAnonymous = true;
                continue;
            }

            if (option == "--require-token")
            {
                OAuth(scenario).RequireToken = true;
                continue;
            }

            if (option == "--log")
            {
                log = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{option} needs a value");
            }

            var value = args[++i];
            switch (option)
            {
                case "--port":
                    port = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--url-file":
                    urlFile = value;
                    break;
                case "--scenario":
                    var loaded = JsonSerializer.Deserialize(File.ReadAllText(value), ScenarioJsonContext.Default.Scenario)
                        ?? throw new ArgumentException($"{value}: empty scenario");
                    scenario.AnyName |= loaded.AnyName;
                    scenario.IgnoreRawJson |= loaded.IgnoreRawJson;
                    scenario.Budget = loaded.Budget ?? scenario.Budget;
                    scenario.OAuth = loaded.OAuth ?? scenario.OAuth;
                    scenario.BlockAnonymous |= loaded.BlockAnonymous;
                    scenario.Default = loaded.Default;
                    foreach (var (name, behavior) in loaded.Subreddits)
                    {
                        scenario.Subreddits[name] = behavior;
                    }

                    break;
                case "--latency":
                    Apply(scenario, value, (b, v) =>
                    {
                        var range = v.Split('-');
                        b.LatencyMs = int.Parse(range[0], CultureInfo.InvariantCulture);
                        b.LatencyMaxMs = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : null;
                    });
                    break;
                case "--status":
                    Apply(scenario, value, (b, v) =>
                    {
                        var parts = v.Split(':', 2);
                        b.Status = int.Parse(parts[0], CultureInfo.InvariantCulture);
                        b.Reason = parts.Length > 1 ? parts[1] : null;
                    });
                    break;
                case "--fault":
                    Apply(scenario, value, (b, v) => b.Fault = ParseFault(v));
                    break;
                case "--retry-after":
                    Apply(scenario, value, (b, v) =>
                    {
                        b.RetryAfterSeconds = int.Parse(v, CultureInfo.InvariantCulture);
                        b.RetryAfterAsDate = false;
                    });
                    break;
                case "--fail-first":
                    Apply(scenario, value, (b, v) => b.FailFirst = int.Parse(v, CultureInfo.InvariantCulture));
                    break;
                case "--statuses":
                    Apply(scenario, value, (b, v) => b.Statuses = [.. v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]);
                    break;
                case "--retry-after-date":
                    Apply(scenario, value, (b, v) =>
                    {
                        b.RetryAfterSeconds = int.Parse(v, CultureInfo.InvariantCulture);
                        b.RetryAfterAsDate = true;
                    });
                    break;
                case "--posts":
                    Apply(scenario, value, (b, v) => b.Posts = int.Parse(v, CultureInfo.InvariantCulture));
                    break;
                case "--budget":
                    var budget = value.Split('/');
                    if (budget.Length != 2)
                    {
                        throw new ArgumentException($"--budget '{value}' is not REQUESTS/SECONDS");
                    }

                    scenario.Budget = new RateBudget
                    {
                        Requests = int.Parse(budget[0], CultureInfo.InvariantCulture),
                        WindowSeconds = int.Parse(budget[1], CultureInfo.InvariantCulture),
                    };
                    break;
                case "--oauth":
                    var app = value.Split(':', 2);
                    OAuth(scenario).ClientId = app[0];
                    OAuth(scenario).ClientSecret = app.Length > 1 ? app[1] : null;
                    break;
                case "--token-expires":
                    OAuth(scenario).ExpiresInSeconds = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--revoke-after":
                    OAuth(scenario).RevokeAfterUses = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--token-error":
                    OAuth(scenario).TokenError = value;
                    break;
                case "--token-expires-in":
                    OAuth(scenario).ExpiresInSent = value;
                    break;
                case "--token-value":
                    OAuth(scenario).AccessToken = value;
                    break;
                case "--token-fault":
                    OAuth(scenario).Fault = ParseTokenFault(value);
                    break;
                case "--token-statuses":
                    OAuth(scenario).TokenStatuses = [.. value.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                    break;
                default:
                    throw new ArgumentException($"unknown option {option}");
            }
        }

        return new FakeRedditArguments(scenario, port, urlFile, log);
    }

    /// <summary>The scenario's OAuth settings, created if needed: the token options may come before <c>--oauth</c>.</summary>
    private static OAuthSettings OAuth(Scenario scenario) => scenario.OAuth ??= new OAuthSettings();

    /// <summary>Reads a fault by the name scenario files use (<c>bad-json</c>), so both spell it the same way.</summary>
    private static Fault ParseFault(string name)
    {
        try
        {
            return JsonSerializer.Deserialize(JsonSerializer.Serialize(name, ScenarioJsonContext.Default.String), ScenarioJsonContext.Default.Fault);
        }
        catch (JsonException)
        {
            throw new ArgumentException($"unknown fault '{name}' (bad-json, html, not-listing, null-data, array, deep-nesting, bad-gzip, oversize, empty, cut-json, wrong-content-type, extra-fields, null-fields, missing-fields, no-title, truncate, reset, hang)");
        }
    }

    /// <summary>Reads a token fault by the name scenario files use (<c>gzip-bomb</c>).</summary>
    private static TokenFault ParseTokenFault(string name)
    {
        try
        {
            return JsonSerializer.Deserialize(JsonSerializer.Serialize(name, ScenarioJsonContext.Default.String), ScenarioJsonContext.Default.TokenFault);
        }
        catch (JsonException)
        {
            throw new ArgumentException($"unknown token fault '{name}' (drip, gzip-bomb)");
        }
    }

    private static void Apply(Scenario scenario, string assignment, Action<SubredditBehavior, string> set)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"'{assignment}' is not NAME=VALUE");
        }

        var name = assignment[..equals];
        try
        {
            set(name == "*" ? scenario.Default : scenario.Configure(name), assignment[(equals + 1)..]);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"'{assignment}': bad value");
        }
    }
}

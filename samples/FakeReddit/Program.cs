using System.Globalization;
using System.Text.Json;
using FakeReddit;

// FakeReddit: a Reddit-compatible listing server on 127.0.0.1 for offline demos and tests.
//
//   dotnet run --project samples/FakeReddit -- [options]
//     --port N                 listen on N (default 0: the OS picks a free port)
//     --url-file PATH          write the server's base URL to PATH once it listens
//     --scenario FILE          read behaviour from a JSON scenario file (see README.md)
//     --latency NAME=MS[-MAX]  answer NAME after MS milliseconds (or a random time up to MAX)
//     --status NAME=CODE[:REASON]  answer NAME with CODE (e.g. 404:banned, 403:private, 429, 503)
//     --fault NAME=KIND        bad-json | html | not-listing | empty | truncate | reset | hang
//     --retry-after NAME=S     send Retry-After: S with NAME's error status
//     --fail-first NAME=N      apply NAME's status or fault to its first N requests only
//     --any-name               every well-formed name exists (generated posts)
//     --log                    log each request to stdout
// NAME may be '*' for every subreddit not named otherwise.
try
{
    var (scenario, port, urlFile, log) = ParseArguments(args);
    await using var server = await FakeRedditServer.StartAsync(scenario, port, log);
    if (urlFile is not null)
    {
        // Write then rename, so a reader never sees a half-written URL.
        await File.WriteAllTextAsync(urlFile + ".tmp", server.BaseUrl);
        File.Move(urlFile + ".tmp", urlFile, overwrite: true);
    }

    Console.WriteLine($"FakeReddit listening on {server.BaseUrl}");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
    await stop.Task;
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"FakeReddit: {e.Message}");
    return 2;
}

static (Scenario Scenario, int Port, string? UrlFile, bool Log) ParseArguments(string[] args)
{
    var scenario = new Scenario();
    var port = 0;
    string? urlFile = null;
    var log = false;
    for (var i = 0; i < args.Length; i++)
    {
        var option = args[i];
        if (option == "--any-name")
        {
            scenario.AnyName = true;
            continue;
        }

        if (option == "--log")
        {
            log = true;
            continue;
        }

        if (i + 1 >= args.Length)
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
                Apply(scenario, value, (b, v) => b.Fault = Enum.Parse<Fault>(v.Replace("-", "", StringComparison.Ordinal), ignoreCase: true));
                break;
            case "--retry-after":
                Apply(scenario, value, (b, v) => b.RetryAfterSeconds = int.Parse(v, CultureInfo.InvariantCulture));
                break;
            case "--fail-first":
                Apply(scenario, value, (b, v) => b.FailFirst = int.Parse(v, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"unknown option {option}");
        }
    }

    return (scenario, port, urlFile, log);
}

static void Apply(Scenario scenario, string assignment, Action<SubredditBehavior, string> set)
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

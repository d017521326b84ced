using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeReddit;

/// <summary>
/// A Reddit-compatible HTTP server on 127.0.0.1 (port chosen by the OS) serving top listings with configurable
/// latency, statuses and faults, and Reddit's app-only OAuth token endpoint. Run it as a program (see Program.cs) or
/// start it in-process from a test.
/// </summary>
public sealed class FakeRedditServer : IAsyncDisposable
{
    /// <summary>The length of the <see cref="Fault.Oversize"/> post's <c>selftext</c>; the whole body is a little longer.</summary>
    public const int OversizeBytes = 17 * 1024 * 1024;

    private const string InstalledClientGrant = "https://oauth.reddit.com/grants/installed_client";

    /// <summary>A small page like the one Reddit sends, with 403, to clients its network security blocks.</summary>
    private const string BlockedPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Blocked</title></head>
        <body>
        <h1>You've been blocked by network security.</h1>
        <p>To continue, log in to your Reddit account or use your developer token.</p>
        <p>If you think you've been blocked by mistake, file a ticket below and we'll look into it.</p>
        <p><a href="https://www.reddit.com/login/">Log in</a> <a href="https://support.reddithelp.com/hc/en-us/requests/new">File a ticket</a></p>
        </body>
        </html>
        """;

    private static readonly string[] Sorts = ["top", "hot", "new", "rising", "controversial", "best"];

    private readonly WebApplication _app;
    private readonly Scenario _scenario;
    private readonly TimeProvider _time;
    private readonly ListingStore _store;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _requestCounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<TokenRequest> _tokenRequests = new();
    private readonly TokenStore _tokens;
    private readonly Lock _budgetLock = new();
    private DateTimeOffset? _windowStart;
    private int _windowUsed;
    private int _rateLimitedCount;
    private int _tokenRequestCount;

    private FakeRedditServer(WebApplication app, Scenario scenario, TimeProvider time)
    {
        _app = app;
        _scenario = scenario;
        _time = time;
        _tokens = new TokenStore(time);
        _store = new ListingStore(DateTimeOffset.UtcNow);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:40123</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received so far (listings and subreddit searches), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How many requests the scenario's <see cref="Scenario.Budget"/> has answered with 429.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimitedCount);

    /// <summary>Every request to <c>POST /api/v1/access_token</c> so far, in arrival order.</summary>
    public IReadOnlyList<TokenRequest> TokenRequests => [.. _tokenRequests];

    /// <summary>Every bearer token the token endpoint has issued, in order.</summary>
    public IReadOnlyList<string> IssuedTokens => _tokens.Issued;

    /// <summary>
    /// Starts a server on a free loopback port. <paramref name="timeProvider"/> (default: the system clock) is the
    /// clock of the rate budget's windows, of <c>Retry-After</c> dates and of token expiry; latencies always wait in
    /// real time.
    /// </summary>
    public static async Task<FakeRedditServer> StartAsync(Scenario scenario, int port = 0, bool logRequests = false, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        if (scenario.Budget is { } budget && (budget.Requests < 0 || budget.WindowSeconds <= 0))
        {
            throw new ArgumentException("the rate budget needs requests >= 0 and windowSeconds > 0", nameof(scenario));
        }

        if (scenario.OAuth is { } oauth && string.IsNullOrEmpty(oauth.ClientId))
        {
            throw new ArgumentException("OAuth needs a client id (--oauth CLIENT_ID[:SECRET])", nameof(scenario));
        }

        if (scenario.OAuth?.ExpiresInSent is { } sent && !IsJsonNumber(sent))
        {
            throw new ArgumentException($"expires_in '{sent}' is not a JSON number", nameof(scenario));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logRequests)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new FakeRedditServer(app, scenario, timeProvider ?? TimeProvider.System);
        app.MapGet("/r/{name}/{sort}.json", server.ListingAsync);
        app.MapGet("/r/{name}/.json", (HttpContext context, string name) => server.ListingAsync(context, name, "hot"));
        app.MapGet("/r/{name}.json", (HttpContext context, string name) => server.ListingAsync(context, name, "hot"));
        app.MapPost("/api/v1/access_token", server.AccessTokenAsync);
        app.MapGet("/subreddits/search.json", (HttpContext context) =>
        {
            server.Record(context, subreddit: null);
            return Results.Text("""{"kind":"Listing","data":{"after":null,"dist":0,"children":[],"before":null}}""", "application/json; charset=UTF-8");
        });

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Holds every response for <paramref name="subreddit"/> (after its latency) until <see cref="Release"/>.</summary>
    public void Hold(string subreddit) => _holds[subreddit] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held responses for <paramref name="subreddit"/> go out.</summary>
    public void Release(string subreddit)
    {
        if (_holds.TryRemove(subreddit, out var hold))
        {
            hold.TrySetResult();
        }
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _holds.Keys)
        {
            Release(name);
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ListingAsync(HttpContext context, string name, string sort)
    {
        var cancellationToken = context.RequestAborted;
        var taken = TakeBudget(); // first, so a request in Requests has always been counted
        var request = Record(context, name);
        var behavior = _scenario.For(name);

        if (taken is { } budget)
        {
            request.RateLimitReset = budget.ResetSeconds;
            var headers = context.Response.Headers;
            headers["X-Ratelimit-Used"] = budget.Used.ToString(CultureInfo.InvariantCulture);
            headers["X-Ratelimit-Remaining"] = budget.Remaining.ToString("0.0", CultureInfo.InvariantCulture);
            headers["X-Ratelimit-Reset"] = budget.ResetSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (await RefuseAsync(context, request, cancellationToken))
        {
            return;
        }

        if (taken is { Over: true } over)
        {
            Interlocked.Increment(ref _rateLimitedCount);
            request.RespondedAt = DateTimeOffset.UtcNow;
            var retry = new SubredditBehavior { RetryAfterSeconds = over.ResetSeconds, RetryAfterAsDate = behavior.RetryAfterAsDate };
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, retry, cancellationToken);
            return;
        }

        if (!Sorts.Contains(sort))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!Exists(name))
        {
            // Reddit's answer to an unknown subreddit: a redirect to its subreddit search.
            var location = $"{BaseUrl}/subreddits/search.json?q={Uri.EscapeDataString(name)}";
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            request.RespondedAt = DateTimeOffset.UtcNow;
            await context.Response.WriteAsync($"<html><head><title>302 Found</title></head><body><h1>302 Found</h1>The resource was found at <a href=\"{location}\">{location}</a>;\nyou should be redirected automatically.</body></html>", cancellationToken);
            return;
        }

        // Requests are numbered as they arrive, before any latency or hold.
        var attempt = _requestCounts.AddOrUpdate(name, 1, (_, n) => n + 1);
        await Task.Delay(Latency(behavior), cancellationToken);
        if (_holds.TryGetValue(name, out var hold))
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        request.RespondedAt = DateTimeOffset.UtcNow;
        var failing = behavior.FailFirst <= 0 || attempt <= behavior.FailFirst;
        var status = behavior.Statuses is [_, ..] statuses
            ? statuses[Math.Min(attempt, statuses.Count) - 1]
            : failing ? behavior.Status : StatusCodes.Status200OK;
        if (status != StatusCodes.Status200OK)
        {
            await WriteErrorAsync(context, status, behavior, cancellationToken);
            return;
        }

        var query = context.Request.Query;
        var time = query["t"].ToString() is "hour" or "day" or "week" or "month" or "year" or "all" ? query["t"].ToString() : "day";
        var limit = int.TryParse(query["limit"], out var l) && l > 0 ? Math.Min(l, 100) : 25;
        var rawJson = query["raw_json"] == "1" && !_scenario.IgnoreRawJson;
        var parts = name.Split('+')
            .Where(part => _scenario.AnyName || _store.HasRecordedOrGenerated(part) || _scenario.Subreddits.ContainsKey(part))
            .DefaultIfEmpty(name) // a name that exists only as a whole, e.g. a multireddit named in the scenario
            .ToList();
        var body = _store.RenderPage(parts, sort, time, behavior.Posts, limit, query["after"].FirstOrDefault(), rawJson);
        var fault = failing ? behavior.Fault : Fault.None;
        if (OddListings.Handles(fault))
        {
            body = OddListings.Apply(fault, body);
        }

        await WriteBodyAsync(context, fault, body, cancellationToken);
    }

    /// <summary>
    /// Answers a listing request whose bearer token is not valid (or that has none when the scenario requires one)
    /// with 401, and one without a token with 403 when the scenario blocks anonymous access; false if it may go on.
    /// A valid token is counted as used.
    /// </summary>
    private async Task<bool> RefuseAsync(HttpContext context, RecordedRequest request, CancellationToken cancellationToken)
    {
        var token = BearerToken(context.Request);
        var response = context.Response;
        if (token is null ? _scenario.OAuth is { RequireToken: true } : !_tokens.TryUse(token, _scenario.OAuth?.RevokeAfterUses))
        {
            request.RespondedAt = DateTimeOffset.UtcNow;
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = "Bearer realm=\"reddit\", error=\"invalid_token\"";
            response.ContentType = "application/json; charset=UTF-8";
            await response.WriteAsync("""{"error":401}""", cancellationToken);
            return true;
        }

        if (token is null && _scenario.BlockAnonymous)
        {
            request.RespondedAt = DateTimeOffset.UtcNow;
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(BlockedPage, cancellationToken);
            return true;
        }

        return false;
    }

    /// <summary>The token of an <c>Authorization: bearer TOKEN</c> header (the scheme in any case), or null without one.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var parts = request.Headers.Authorization.ToString().Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase) ? (parts.Length > 1 ? parts[1] : "") : null;
    }

    /// <summary>The user name and password of an <c>Authorization: Basic</c> header, or nulls without one.</summary>
    private static (string? User, string? Password) BasicCredentials(HttpRequest request)
    {
        var parts = request.Headers.Authorization.ToString().Split(' ', 2, StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !parts[0].Equals("basic", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])).Split(':', 2);
            return (credentials[0], credentials.Length > 1 ? credentials[1] : null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>Reddit's <c>POST /api/v1/access_token</c> for app-only OAuth, as the scenario's <see cref="Scenario.OAuth"/> describes.</summary>
    private async Task AccessTokenAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        string? grantType = form["grant_type"];
        string? deviceId = form["device_id"];
        var (user, password) = BasicCredentials(context.Request);
        var (status, body) = AnswerTokenRequest(Interlocked.Increment(ref _tokenRequestCount), grantType, deviceId, user, password);
        _tokenRequests.Enqueue(new TokenRequest(grantType, deviceId, user, body?["access_token"] is not null) { ConnectionId = context.Connection.Id, UserAgent = context.Request.Headers.UserAgent is { Count: > 0 } agent ? agent.ToString() : null });

        var response = context.Response;
        response.StatusCode = status;
        if (status != StatusCodes.Status404NotFound)
        {
            response.ContentType = "application/json; charset=UTF-8";
        }

        if (body is not null)
        {
            var granted = body["access_token"] is not null;
            await TokenFaults.WriteAsync(response, granted ? _scenario.OAuth!.Fault : TokenFault.None, body.ToJsonString(), cancellationToken);
        }
    }

    /// <summary>The status and body (null: empty) for the <paramref name="attempt"/>-th token request; issues a token on success.</summary>
    private (int Status, JsonObject? Body) AnswerTokenRequest(int attempt, string? grantType, string? deviceId, string? user, string? password)
    {
        if (_scenario.OAuth is not { } oauth)
        {
            return (StatusCodes.Status404NotFound, null);
        }

        var status = oauth.TokenStatuses is [_, ..] statuses ? statuses[Math.Min(attempt, statuses.Count) - 1] : StatusCodes.Status200OK;
        if (status != StatusCodes.Status200OK)
        {
            // Reddit's 5xx answers often have an empty body; its 429 here is JSON, not the listing's HTML page.
            return (status, status >= 500 ? null : new JsonObject { ["message"] = ReasonPhrases.GetReasonPhrase(status), ["error"] = status });
        }

        if (user != oauth.ClientId || password != (oauth.ClientSecret ?? ""))
        {
            return (StatusCodes.Status401Unauthorized, new JsonObject { ["message"] = "Unauthorized", ["error"] = 401 });
        }

        if (oauth.TokenError is { } error)
        {
            return (StatusCodes.Status200OK, new JsonObject { ["error"] = error });
        }

        var installed = oauth.ClientSecret is null;
        if (installed && grantType == InstalledClientGrant && deviceId is not { Length: >= 20 and <= 30 })
        {
            return (StatusCodes.Status200OK, new JsonObject { ["error_description"] = "bad device_id", ["error"] = "invalid_request" });
        }

        if (grantType != (installed ? InstalledClientGrant : "client_credentials"))
        {
            return (StatusCodes.Status200OK, new JsonObject { ["error"] = "unsupported_grant_type" });
        }

        var body = new JsonObject { ["access_token"] = _tokens.Issue(oauth.ExpiresInSeconds, oauth.AccessToken), ["token_type"] = "bearer" };
        if (installed)
        {
            body["device_id"] = deviceId;
        }

        body["expires_in"] = oauth.ExpiresInSent is { } sent ? JsonNode.Parse(sent) : oauth.ExpiresInSeconds;
        body["scope"] = "*";
        return (StatusCodes.Status200OK, body);
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.GetValueKind() == System.Text.Json.JsonValueKind.Number;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private RecordedRequest Record(HttpContext context, string? subreddit)
    {
        var request = new RecordedRequest(subreddit, context.Request.Path + context.Request.QueryString, context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow)
        {
            Authorization = context.Request.Headers.Authorization,
            ConnectionId = context.Connection.Id,
        };
        _requests.Enqueue(request);
        return request;
    }

    private bool Exists(string name) =>
        _scenario.AnyName
        || _scenario.Subreddits.ContainsKey(name)
        || name.Split('+').Any(part => _store.HasRecordedOrGenerated(part) || _scenario.Subreddits.ContainsKey(part));

    /// <summary>Counts a request against the scenario's budget, in the fixed window it arrived in; null without a budget.</summary>
    private (int Used, int Remaining, int ResetSeconds, bool Over)? TakeBudget()
    {
        if (_scenario.Budget is not { } budget)
        {
            return null;
        }

        var window = TimeSpan.FromSeconds(budget.WindowSeconds);
        var now = _time.GetUtcNow();
        lock (_budgetLock)
        {
            var start = _windowStart ?? now;
            if (now - start >= window)
            {
                start += window * Math.Floor((now - start) / window);
                _windowUsed = 0;
            }

            _windowStart = start;
            _windowUsed++;
            var reset = Math.Max(1, (int)Math.Ceiling((start + window - now).TotalSeconds));
            return (_windowUsed, Math.Max(0, budget.Requests - _windowUsed), reset, _windowUsed > budget.Requests);
        }
    }

    private static TimeSpan Latency(SubredditBehavior behavior) =>
        TimeSpan.FromMilliseconds(behavior.LatencyMaxMs is { } max && max > behavior.LatencyMs
            ? Random.Shared.Next(behavior.LatencyMs, max + 1)
            : behavior.LatencyMs);

    /// <summary>Answers with <paramref name="status"/> and Reddit's body for it; <paramref name="behavior"/> gives the reason and <c>Retry-After</c>.</summary>
    private async Task WriteErrorAsync(HttpContext context, int status, SubredditBehavior behavior, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (behavior.RetryAfterSeconds is { } retryAfter)
        {
            response.Headers.RetryAfter = behavior.RetryAfterAsDate
                ? CeilingToSecond(_time.GetUtcNow().AddSeconds(retryAfter)).ToString("R", CultureInfo.InvariantCulture)
                : retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.ContentType = "text/html; charset=UTF-8";
            using var stream = typeof(FakeRedditServer).Assembly.GetManifestResourceStream("FakeReddit.Data.recorded.error_429_too_many_requests.html")!;
            await stream.CopyToAsync(response.Body, cancellationToken);
            return;
        }

        response.ContentType = "application/json; charset=UTF-8";
        if (status >= 500)
        {
            return; // Reddit's 5xx answers often have an empty body despite the JSON content type.
        }

        var body = new JsonObject();
        if (behavior.Reason is { } reason)
        {
            body["reason"] = reason;
        }

        body["message"] = status switch { 403 => "Forbidden", 404 => "Not Found", 401 => "Unauthorized", _ => "Error" };
        body["error"] = status;
        await response.WriteAsync(body.ToJsonString(), cancellationToken);
    }

    /// <summary>An HTTP date has whole seconds: round up, so the wait it names is never shorter than asked.</summary>
    private static DateTimeOffset CeilingToSecond(DateTimeOffset time)
    {
        var extra = time.UtcTicks % TimeSpan.TicksPerSecond;
        return extra == 0 ? time : time.AddTicks(TimeSpan.TicksPerSecond - extra);
    }

    private static async Task WriteBodyAsync(HttpContext context, Fault fault, string body, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.ContentType = "application/json; charset=UTF-8";
        switch (fault)
        {
            case Fault.Reset:
                context.Abort();
                return;
            case Fault.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return;
            case Fault.BadJson:
                await response.WriteAsync("""{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "unterminated""", cancellationToken);
                return;
            case Fault.Html:
                response.ContentType = "text/html; charset=UTF-8";
                await response.WriteAsync("<!doctype html><html><body><h1>reddit</h1></body></html>", cancellationToken);
                return;
            case Fault.NotListing:
                await response.WriteAsync("""{"kind": "t5", "data": {"display_name": "python"}}""", cancellationToken);
                return;
            case Fault.NullData:
                await response.WriteAsync("""{"kind": "Listing", "data": null}""", cancellationToken);
                return;
            case Fault.Array:
                await response.WriteAsync("""[{"kind": "Listing", "data": {"children": []}}]""", cancellationToken);
                return;
            case Fault.DeepNesting:
                await response.WriteAsync("""{"kind": "Listing", "data": {"children": [], "x": """ + new string('[', 5000) + new string(']', 5000) + "}}", cancellationToken);
                return;
            case Fault.BadGzip:
                response.Headers.ContentEncoding = "gzip";
                await response.WriteAsync(body, cancellationToken);
                return;
            case Fault.Oversize:
                await WriteOversizeAsync(response, cancellationToken);
                return;
            case Fault.Empty:
                return;
            case Fault.CutJson:
                var whole = Encoding.UTF8.GetBytes(body);
                response.ContentLength = whole.Length / 2;
                await response.Body.WriteAsync(whole.AsMemory(0, whole.Length / 2), cancellationToken);
                return;
            case Fault.WrongContentType:
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(body, cancellationToken);
                return;
            case Fault.Truncate:
                var bytes = Encoding.UTF8.GetBytes(body);
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                return; // the response ends short of its Content-Length: the server closes the connection after what it sent
            default:
                await response.WriteAsync(body, cancellationToken);
                return;
        }
    }

    /// <summary>A valid listing of one post whose selftext is <see cref="OversizeBytes"/> long, written in chunks with no <c>Content-Length</c>.</summary>
    private static async Task WriteOversizeAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await response.WriteAsync(
            """{"kind": "Listing", "data": {"after": null, "dist": 1, "modhash": "", "geo_filter": "", "children": [{"kind": "t3", "data": {"id": "oversize", "name": "t3_oversize", "title": "A post too long to read", "score": 1, "ups": 1, "url": "https://www.reddit.com/r/fakereddit/comments/oversize/a_post_too_long_to_read/", "permalink": "/r/fakereddit/comments/oversize/a_post_too_long_to_read/", "is_self": true, "subreddit": "fakereddit", "author": "null_pointer", "num_comments": 0, "created_utc": 1767225600.0, "over_18": false, "stickied": false, "selftext": """ + "\"",
            cancellationToken);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (var written = 0; written < OversizeBytes; written += chunk.Length)
        {
            await response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, OversizeBytes - written)), cancellationToken);
        }

        await response.WriteAsync("\"}}], \"before\": null}}", cancellationToken);
    }
}

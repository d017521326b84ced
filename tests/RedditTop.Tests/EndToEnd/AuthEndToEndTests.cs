using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>The real program with a Reddit app's credentials, against FakeReddit serving the token endpoint and the API.</summary>
public sealed class AuthEndToEndTests : IDisposable
{
    private const string ClientId = "my-client-id-42";
    private const string Secret = "SECRET-sauce-7e1f0a";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("reddittop-auth-");

    public void Dispose() => _cache.Delete(recursive: true);

    [Fact]
    public async Task Run_ScriptApp_GetsOneTokenAndSendsItWithEveryRequest()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true } }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync(server, Secret, "python:2", "rust:1", "golang:150");

        Assert.Equal("", stderr);
        Assert.Equal(0, exitCode);
        var grant = Assert.Single(server.TokenRequests);
        Assert.Equal(("client_credentials", ClientId, true), (grant.GrantType, grant.BasicUser, grant.Granted));
        var token = Assert.Single(server.IssuedTokens);
        Assert.Equal(4, server.Requests.Count(r => r.Subreddit is not null));
        Assert.All(server.Requests.Where(r => r.Subreddit is not null), r => Assert.Equal("bearer " + token, r.Authorization));
        Assert.Contains("\n/r/golang:\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerHoldingTokenEndpointAndApi_TokenConnectionIsReusedForTheListings()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true } }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await RunAsync(server, Secret, "-j", "1", "python:1");

        // One connection pool for the token endpoint and the API: the token's connection carries the listing too.
        Assert.Equal((0, ""), (exitCode, stderr));
        var connection = Assert.Single(server.TokenRequests).ConnectionId;
        Assert.NotNull(connection);
        Assert.Equal(connection, Assert.Single(server.Requests).ConnectionId);
    }

    [Fact]
    public async Task Run_InstalledApp_UsesTheInstalledClientGrantWithADeviceId()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, RequireToken = true } }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await RunAsync(server, secret: null, "python:2");

        Assert.Equal("", stderr);
        Assert.Equal(0, exitCode);
        var grant = Assert.Single(server.TokenRequests);
        Assert.Equal("https://oauth.reddit.com/grants/installed_client", grant.GrantType);
        Assert.InRange(grant.DeviceId!.Length, 20, 30);
    }

    [Fact]
    public async Task Run_SecondRun_ReusesTheCachedToken()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true } }, cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, Secret, "python:1");
        var second = await RunAsync(server, Secret, "-v", "rust:1");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Single(server.TokenRequests);
        Assert.Contains($"\nreddittop: app-only OAuth as my-…42 (script app) from the environment to {server.BaseUrl}/; token from the cache, good for ", second.Stderr, StringComparison.Ordinal);
        var file = Assert.Single(_cache.GetFiles("*", SearchOption.AllDirectories));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.FullName));
    }

    [Fact]
    public async Task Run_TokenRevokedDuringTheRun_RenewsItAndPrintsEverything()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true, RevokeAfterUses = 1 } }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync(server, Secret, "-j", "1", "python:1", "rust:1");

        Assert.Equal("", stderr);
        Assert.Equal(0, exitCode);
        Assert.Equal(2, server.IssuedTokens.Count);
        Assert.Contains("\n/r/python:\n", stdout, StringComparison.Ordinal);
        Assert.Contains("\n/r/rust:\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-secret-000", null, "reddittop: authentication failed: Reddit refused the app's credentials (HTTP 401): check REDDIT_CLIENT_ID and REDDIT_CLIENT_SECRET\n")]
    [InlineData(Secret, "invalid_grant", "reddittop: authentication failed: the token endpoint refused the request: invalid_grant\n")]
    public async Task Run_NoTokenToBeHad_OneErrorLineAndNoSubredditRequested(string secret, string? tokenError, string expected)
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, TokenError = tokenError } }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync(server, secret, "python:1", "rust:1", "golang:1");

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, stderr);
        Assert.Equal("", stdout);
        Assert.DoesNotContain(server.Requests, r => r.Subreddit is not null);
    }

    [Fact]
    public async Task Run_AnonymousAndBlocked_NamesEachSubredditAndHintsAtOAuthOnce()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { BlockAnonymous = true }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, _, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "python:1", "rust:1");

        Assert.Equal(1, exitCode);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(
            ["reddittop: r/python: Reddit blocked the anonymous request (HTTP 403)", "reddittop: r/rust: Reddit blocked the anonymous request (HTTP 403)"],
            lines[..2].Order(StringComparer.Ordinal));
        Assert.Equal(
            "reddittop: hint: Reddit blocks anonymous requests from some networks. Create an app at https://www.reddit.com/prefs/apps, then set REDDIT_CLIENT_ID (and REDDIT_CLIENT_SECRET for a script app), or client_id (and client_secret) in praw.ini, to use app-only OAuth.",
            Assert.Single(lines[2..]));
    }

    [Fact]
    public async Task Run_WithVerboseAndARenewedToken_NeverShowsTheSecretOrAToken()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true, RevokeAfterUses = 2 } }, cancellationToken: TestContext.Current.CancellationToken);

        var first = await RunAsync(server, Secret, "-v", "-j", "1", "python:1", "rust:1", "golang:1", "nosuchsub");
        var failing = await RunAsync(server, "wrong-" + Secret, "-v", "python:1");

        Assert.Equal(2, server.IssuedTokens.Count);
        foreach (var output in new[] { first.Stdout, first.Stderr, failing.Stdout, failing.Stderr })
        {
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.All(server.IssuedTokens, token => Assert.DoesNotContain(token, output, StringComparison.Ordinal));
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FakeRedditServer server, string? secret, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["REDDIT_CLIENT_ID"] = ClientId,
            ["REDDIT_CLIENT_SECRET"] = secret,
            ["REDDITTOP_BASE_URL"] = server.BaseUrl,
            ["XDG_CACHE_HOME"] = _cache.FullName,
        };
        using var process = ReddittopProcess.Start(args, environment);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }
}

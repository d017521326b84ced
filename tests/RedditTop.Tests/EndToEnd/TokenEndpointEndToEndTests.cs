using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// A token endpoint that hands out a token no HTTP header can carry: the run fails once, clearly, before any subreddit
/// is requested, and nothing is cached, so the next run, against a good token endpoint, gets a token of its own.
/// </summary>
public sealed class TokenEndpointEndToEndTests : IDisposable
{
    private const string ClientId = "token-app-31";
    private const string Secret = "token-SECRET-9c4d";

    /// <summary>In every bad token, so a test can look for it in any file the run left, however it was written.</summary>
    private const string Marker = "BADTOKEN7f3e";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> BadTokens = new(StringComparer.Ordinal)
    {
        ["a line break"] = Marker + "\nreddittop: hint: forged",
        ["a control character"] = Marker + "\u0007bell",
        ["a non-ASCII character"] = Marker + "-tökén",
        ["over 4 KiB"] = Marker + new string('x', 4 * 1024),
    };

    private readonly DirectoryInfo _cache = Directory.CreateTempSubdirectory("reddittop-token-");

    public static TheoryData<string> Kinds => [.. BadTokens.Keys];

    public void Dispose() => _cache.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Run_TokenThatCannotBeAHeader_FailsOnceWithoutCachingItAndTheNextRunGetsItsOwn(string kind)
    {
        var oauth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true, AccessToken = BadTokens[kind] };
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = oauth }, cancellationToken: TestContext.Current.CancellationToken);

        var bad = await RunAsync(server);
        var cachedAfterTheBadRun = CacheFiles();
        oauth.AccessToken = null; // the same endpoint, now handing out good tokens
        var good = await RunAsync(server);

        Assert.Equal(
            (1, "", "reddittop: authentication failed: the token endpoint sent an access token that cannot be used (longer than 4 KiB, or with spaces, control or non-ASCII characters)\n"),
            bad);
        Assert.Empty(cachedAfterTheBadRun);
        Assert.Equal((0, ""), (good.ExitCode, good.Stderr));
        Assert.Contains("\n/r/python:\n", good.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n/r/rust:\n", good.Stdout, StringComparison.Ordinal);
        Assert.Equal([true, true], server.TokenRequests.Select(r => r.Granted));
        Assert.Equal(BadTokens[kind], server.IssuedTokens[0]);
        Assert.All(server.Requests, r => Assert.Equal("bearer " + server.IssuedTokens[1], r.Authorization));
        Assert.Equal(["python", "rust"], server.Requests.Select(r => r.Subreddit!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(CacheFiles(), text => text.Contains(Marker, StringComparison.Ordinal));
    }

    /// <summary>The text of every file in the token cache's folder.</summary>
    private List<string> CacheFiles() =>
        [.. _cache.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => File.ReadAllText(f.FullName))];

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FakeRedditServer server)
    {
        var environment = new Dictionary<string, string?>
        {
            ["REDDIT_CLIENT_ID"] = ClientId,
            ["REDDIT_CLIENT_SECRET"] = Secret,
            ["XDG_CACHE_HOME"] = _cache.FullName,
        };
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "python:1", "rust:1"], environment);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }
}

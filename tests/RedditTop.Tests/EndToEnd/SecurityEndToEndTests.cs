using System.Text;
using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// What a server, a planted file or a careless URL must never get out of the real program: the app's secret and its
/// tokens stay out of every output, private files are written only where they belong, and plain http stays on loopback.
/// </summary>
public sealed class SecurityEndToEndTests : IDisposable
{
    private const string ClientId = "security-client-id";
    private const string Secret = "SECRET-Zq81-recognisable";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("reddittop-security-");

    public void Dispose() => _home.Delete(recursive: true);

    private string CacheHome => Path.Combine(_home.FullName, "cache");

    private string StateHome => Path.Combine(_home.FullName, "state");

    public static TheoryData<string, OAuthSettings, string?, string[]> AuthenticationRuns => new()
    {
        { "tokens renewed after a 401", new OAuthSettings { ClientSecret = Secret, RequireToken = true, RevokeAfterUses = 1 }, Secret, ["-j", "1", "python:1", "rust:1", "nosuchsub"] },
        { "every token refused", new OAuthSettings { ClientSecret = Secret, RequireToken = true, RevokeAfterUses = 0 }, Secret, ["python:1"] },
        { "wrong secret", new OAuthSettings { ClientSecret = Secret }, "wrong-" + Secret, ["python:1"] },
        { "token endpoint error", new OAuthSettings { ClientSecret = Secret, TokenError = "invalid_grant" }, Secret, ["python:1"] },
        { "token endpoint down", new OAuthSettings { ClientSecret = Secret, TokenStatuses = [500] }, Secret, ["--retries", "1", "python:1"] },
        { "token endpoint back after a 503", new OAuthSettings { ClientSecret = Secret, TokenStatuses = [503, 200] }, Secret, ["python:1", "--format", "json"] },
    };

    [Theory]
    [MemberData(nameof(AuthenticationRuns))]
    public async Task Run_WithAnApp_NeverShowsTheSecretOrATokenAnywhere(string behaviour, OAuthSettings oauth, string? secret, string[] args)
    {
        oauth.ClientId = ClientId;
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = oauth, AnyName = false }, cancellationToken: TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await RunAsync(["--base-url", server.BaseUrl, "-v", .. args], secret);

        Assert.True(stderr.Length > 0, $"{behaviour}: -v says nothing ({exitCode})");
        Assert.NotEmpty(server.TokenRequests);
        AssertNoSecretIn(behaviour, server, [stdout, stderr, .. FilesUnder(_home)]);
    }

    [Fact]
    public async Task Run_TokenEndpointUnreachable_NeverShowsTheSecret()
    {
        // A port nothing listens on: the failure is an exception of the network stack, turned into a reason.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var (exitCode, stdout, stderr) = await RunAsync(["--base-url", $"http://127.0.0.1:{port}", "-v", "--retries", "0", "python:1"], Secret);

        Assert.Equal(1, exitCode);
        Assert.Contains("authentication failed", stderr, StringComparison.Ordinal);
        foreach (var output in new[] { stdout, stderr })
        {
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(BasicCredentials(Secret), output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_SymbolicLinkPlantedAtTheTokenFile_NeitherReadNorWrittenThrough()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true } }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync(["--base-url", server.BaseUrl, "python:1"], Secret)).ExitCode);
        var tokenFile = Assert.Single(Directory.GetFiles(Path.Combine(CacheHome, "reddittop")));
        var victim = PlantSymbolicLink(tokenFile);

        var (exitCode, _, stderr) = await RunAsync(["--base-url", server.BaseUrl, "python:1"], Secret);

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(2, server.TokenRequests.Count); // the link was not read as a cached token
        Assert.Equal("precious", File.ReadAllText(victim));
        AssertPrivateRegularFile(tokenFile);
    }

    [Fact]
    public async Task Run_SymbolicLinkPlantedAtTheStateFile_NeitherReadNorWrittenThrough()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync(["--base-url", server.BaseUrl, "--mark-new", "python:2"], secret: null)).ExitCode);
        var stateFile = Assert.Single(Directory.GetFiles(Path.Combine(StateHome, "reddittop")));
        var victim = PlantSymbolicLink(stateFile);

        var (exitCode, _, stderr) = await RunAsync(["--base-url", server.BaseUrl, "--mark-new", "python:2"], secret: null);

        Assert.Equal(0, exitCode);
        Assert.Equal($"reddittop: warning: ignoring unreadable state file {stateFile}: it is a symbolic link\n", stderr);
        Assert.Equal("precious", File.ReadAllText(victim));
        AssertPrivateRegularFile(stateFile);
    }

    [Theory]
    [InlineData("--base-url", "http://reddit.example:8080")]
    [InlineData("--base-url", "http://www.reddit.com")]
    [InlineData("REDDITTOP_BASE_URL", "http://reddit.example:8080")]
    public async Task Run_PlainHttpToAnotherMachine_RefusedBeforeAnyRequest(string source, string url)
    {
        var args = source == "--base-url" ? new[] { source, url, "python:1" } : ["python:1"];
        using var process = ReddittopProcess.Start(args, new Dictionary<string, string?> { [CliVariable] = source == "--base-url" ? null : url });

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"reddittop: {source}: ", process.Stderr, StringComparison.Ordinal);
        Assert.Contains("https", process.Stderr, StringComparison.Ordinal);
        Assert.Equal("", process.Stdout);
    }

    private const string CliVariable = "REDDITTOP_BASE_URL";

    private static void AssertNoSecretIn(string behaviour, FakeRedditServer server, IEnumerable<string> outputs)
    {
        foreach (var output in outputs)
        {
            Assert.False(output.Contains(Secret, StringComparison.Ordinal), $"{behaviour}: the secret in\n{output}");
            Assert.False(output.Contains(BasicCredentials(Secret), StringComparison.Ordinal), $"{behaviour}: the Basic credentials in\n{output}");
        }

        // Tokens may be kept in the token cache (that is its job), nowhere else.
        foreach (var output in outputs.Where(o => !o.StartsWith("{\"access_token\"", StringComparison.Ordinal)))
        {
            Assert.All(server.IssuedTokens, token => Assert.False(output.Contains(token, StringComparison.Ordinal), $"{behaviour}: a token in\n{output}"));
        }
    }

    private static string BasicCredentials(string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}"));

    private static IEnumerable<string> FilesUnder(DirectoryInfo directory) =>
        directory.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => File.ReadAllText(f.FullName)).ToList();

    private string PlantSymbolicLink(string path)
    {
        var victim = Path.Combine(_home.FullName, "victim");
        File.WriteAllText(victim, "precious");
        File.Delete(path);
        File.CreateSymbolicLink(path, victim);
        return victim;
    }

    private static void AssertPrivateRegularFile(string path)
    {
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, string? secret)
    {
        var environment = new Dictionary<string, string?>
        {
            ["REDDIT_CLIENT_ID"] = secret is null ? null : ClientId,
            ["REDDIT_CLIENT_SECRET"] = secret,
            ["XDG_CACHE_HOME"] = CacheHome,
            ["XDG_STATE_HOME"] = StateHome,
        };
        using var process = ReddittopProcess.Start(args, environment);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }
}

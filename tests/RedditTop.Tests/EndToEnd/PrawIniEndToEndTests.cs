using FakeReddit;
using RedditTop.Reddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real program with a Reddit app in PRAW's praw.ini (the config folder's, the working folder's), against
/// FakeReddit's token endpoint and API: which app and which User-Agent reach the server, and that the secret reaches no output.
/// </summary>
public sealed class PrawIniEndToEndTests : IDisposable
{
    private const string BotId = "bot1-client-id";
    private const string BotSecret = "BOT1-secret-9f8e7d";
    private const string OtherId = "bot2-client-id";
    private const string OtherSecret = "BOT2-secret-6c5b4a";
    private const string BotAgent = "linux:bot1:1.0 (by /u/me)";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-praw-");

    public PrawIniEndToEndTests()
    {
        Directory.CreateDirectory(ConfigHome);
        Directory.CreateDirectory(WorkFolder);
    }

    private string ConfigHome => Path.Combine(_root.FullName, "config");

    private string WorkFolder => Path.Combine(_root.FullName, "work");

    private string UserIni => Path.Combine(ConfigHome, "praw.ini");

    private string WorkIni => Path.Combine(WorkFolder, "praw.ini");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Run_DefaultSectionInTheConfigFolder_TokenForItsAppWithItsUserAgent_SecretInNoOutput()
    {
        File.WriteAllText(UserIni, $"[DEFAULT]\nclient_id = {BotId}\nclient_secret = {BotSecret}\nuser_agent = {BotAgent}\n");
        await using var server = await StartAsync(BotId, BotSecret);

        var (exitCode, stdout, stderr) = await RunAsync(server, null, "-v", "python:1");

        Assert.Equal(0, exitCode);
        var grant = Assert.Single(server.TokenRequests);
        Assert.Equal(("client_credentials", BotId, true), (grant.GrantType, grant.BasicUser, grant.Granted));
        var agent = $"{BotAgent} reddittop/{UserAgent.Version}";
        Assert.Equal(agent, grant.UserAgent);
        Assert.Equal(agent, Assert.Single(server.Requests).UserAgent);
        // -v: the token endpoint's attempt, then the access line and the User-Agent line.
        var lines = stderr.Split('\n').SkipWhile(line => !line.StartsWith("reddittop: app-only", StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"reddittop: app-only OAuth as bot…id (script app) from {UserIni} [DEFAULT] to {server.BaseUrl}/; token new, good for ", lines[0], StringComparison.Ordinal);
        Assert.Equal($"reddittop: User-Agent from user_agent in {UserIni} [DEFAULT]: {agent}", lines[1]);
        Assert.DoesNotContain(BotSecret, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Site_PicksItsSectionOfTheWorkingFolderFile()
    {
        File.WriteAllText(WorkIni, $"[bot1]\nclient_id={BotId}\nclient_secret={BotSecret}\n\n[bot2]\nclient_id={OtherId}\nclient_secret={OtherSecret}\n");
        await using var server = await StartAsync(OtherId, OtherSecret);

        var (exitCode, _, stderr) = await RunAsync(server, null, "--site", "bot2", "python:1");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(OtherId, Assert.Single(server.TokenRequests).BasicUser);
    }

    [Fact]
    public async Task Run_WorkingFolderFile_WinsOverTheConfigFolders()
    {
        File.WriteAllText(UserIni, $"[DEFAULT]\nclient_id={OtherId}\nclient_secret={BotSecret}\n");
        File.WriteAllText(WorkIni, $"[DEFAULT]\nclient_id={BotId}\n");
        await using var server = await StartAsync(BotId, BotSecret);

        var (exitCode, _, stderr) = await RunAsync(server, null, "python:1");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(BotId, Assert.Single(server.TokenRequests).BasicUser);
    }

    [Fact]
    public async Task Run_RedditVariables_WinOverPrawIni_WhoseUserAgentStillApplies()
    {
        File.WriteAllText(UserIni, $"[DEFAULT]\nclient_id={BotId}\nclient_secret={BotSecret}\nuser_agent={BotAgent}\n");
        await using var server = await StartAsync(OtherId, OtherSecret);

        var (exitCode, _, stderr) = await RunAsync(server, new() { ["REDDIT_CLIENT_ID"] = OtherId, ["REDDIT_CLIENT_SECRET"] = OtherSecret }, "-v", "python:1");

        Assert.Equal(0, exitCode);
        Assert.Equal(OtherId, Assert.Single(server.TokenRequests).BasicUser);
        Assert.Contains("\nreddittop: app-only OAuth as bot…id (script app) from the environment to ", stderr, StringComparison.Ordinal);
        Assert.Equal($"{BotAgent} reddittop/{UserAgent.Version}", Assert.Single(server.Requests).UserAgent);
    }

    [Fact]
    public async Task Run_UserAgent_CommandLineOverVariableOverPrawIni()
    {
        File.WriteAllText(UserIni, $"[DEFAULT]\nuser_agent={BotAgent}\n");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        var variable = new Dictionary<string, string?> { ["REDDITTOP_USER_AGENT"] = "linux:from-variable:2.0 (by /u/me)" };

        var fromVariable = await RunAsync(server, variable, "python:1");
        var fromCommandLine = await RunAsync(server, variable, "--user-agent", "linux:from-command-line:3.0 (by /u/me)", "rust:1");

        Assert.Equal((0, 0), (fromVariable.ExitCode, fromCommandLine.ExitCode));
        Assert.Equal(
            [$"linux:from-variable:2.0 (by /u/me) reddittop/{UserAgent.Version}", $"linux:from-command-line:3.0 (by /u/me) reddittop/{UserAgent.Version}"],
            server.Requests.OrderBy(r => r.Subreddit, StringComparer.Ordinal).Select(r => r.UserAgent));
    }

    [Fact]
    public async Task Run_SiteNamingNoSection_UsageErrorNamingTheFilesAndNothingRequested()
    {
        File.WriteAllText(UserIni, $"[bot1]\nclient_id={BotId}\nclient_secret={BotSecret}\n");
        await using var server = await StartAsync(BotId, BotSecret);

        var (exitCode, stdout, stderr) = await RunAsync(server, null, "--site", "bot9", "python:1");

        Assert.Equal(2, exitCode);
        Assert.Equal($"reddittop: --site bot9: no section [bot9] in {UserIni} or {WorkIni}\nTry 'reddittop --help' for more information.\n", stderr);
        Assert.Equal("", stdout);
        Assert.Empty(server.TokenRequests);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Run_WrongSecretInPrawIni_NamesTheFileToCheck_NeverTheSecret()
    {
        File.WriteAllText(WorkIni, $"[bot1]\nclient_id={BotId}\nclient_secret=wrong-{BotSecret}\n");
        await using var server = await StartAsync(BotId, BotSecret);

        var (exitCode, stdout, stderr) = await RunAsync(server, new() { ["praw_site"] = "bot1" }, "-v", "python:1");

        Assert.Equal(1, exitCode);
        Assert.EndsWith(
            $"reddittop: authentication failed: Reddit refused the app's credentials (HTTP 401): check client_id and client_secret in {WorkIni} [bot1]\n",
            stderr,
            StringComparison.Ordinal);
        Assert.DoesNotContain(BotSecret, stdout + stderr, StringComparison.Ordinal);
    }

    private static Task<FakeRedditServer> StartAsync(string clientId, string secret) =>
        FakeRedditServer.StartAsync(
            new Scenario { OAuth = new OAuthSettings { ClientId = clientId, ClientSecret = secret, RequireToken = true } },
            cancellationToken: TestContext.Current.CancellationToken);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(FakeRedditServer server, Dictionary<string, string?>? variables, params string[] args)
    {
        var environment = new Dictionary<string, string?>(variables ?? [])
        {
            ["REDDITTOP_BASE_URL"] = server.BaseUrl,
            ["XDG_CONFIG_HOME"] = ConfigHome,
        };
        using var process = ReddittopProcess.Start(args, environment, workingDirectory: WorkFolder);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }
}

using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Reddit;
using RedditTop.Run;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Cli;

/// <summary>
/// Which app and which User-Agent a run uses, and where they come from: the command line, the environment, PRAW's
/// variables and the praw.ini files (the user's in the config folder, the current folder's over it).
/// </summary>
public sealed class AccessBindingTests : IDisposable
{
    private const string Agent = "linux:mybot:1.0 (by /u/me)";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-access-");
    private readonly Dictionary<string, string?> _variables = [];
    private readonly StringWriter _error = new();

    public AccessBindingTests()
    {
        Directory.CreateDirectory(ConfigHome);
        Directory.CreateDirectory(WorkFolder);
        _variables["XDG_CONFIG_HOME"] = ConfigHome;
    }

    private string ConfigHome => Path.Combine(_root.FullName, "config");

    private string WorkFolder => Path.Combine(_root.FullName, "work");

    private string UserIni => Path.Combine(ConfigHome, "praw.ini");

    private string WorkIni => Path.Combine(WorkFolder, "praw.ini");

    public void Dispose()
    {
        _error.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public void TryBind_NothingAnywhere_AnonymousWithTheDefaultUserAgent()
    {
        var access = Bind();

        Assert.Equal(new AccessBinding.Access(null, null, null), access);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void TryBind_DefaultSectionWithClientId_IsTheApp()
    {
        File.WriteAllText(UserIni, "[DEFAULT]\nclient_id=default-id-123\nclient_secret=default-secret-456\n");

        var app = Bind().App!;

        Assert.Equal(("default-id-123", "default-secret-456"), (app.ClientId, app.ClientSecret));
        Assert.Equal($"{UserIni} [DEFAULT]", app.Origin);
        Assert.Equal($"client_id and client_secret in {UserIni} [DEFAULT]", app.ToCheck);
    }

    [Fact]
    public void TryBind_OnlyNamedSectionsAndNoSite_Anonymous() =>
        Assert.Null(WithUserIni("[bot1]\nclient_id=bot1-id-123\n").Bind().App);

    [Fact]
    public void TryBind_Site_PicksTheSectionWhichInheritsDefault()
    {
        File.WriteAllText(UserIni, "[DEFAULT]\nclient_secret=shared-secret-1\n[bot1]\nclient_id=bot1-id-123\n[bot2]\nclient_id=bot2-id-456\n");

        var app = Bind(site: "bot2").App!;

        Assert.Equal(("bot2-id-456", "shared-secret-1"), (app.ClientId, app.ClientSecret));
        Assert.Equal($"{UserIni} [bot2] and {UserIni} [DEFAULT]", app.Origin);
    }

    [Fact]
    public void TryBind_PrawSiteVariable_PicksTheSection_ButSiteWins()
    {
        File.WriteAllText(UserIni, "[bot1]\nclient_id=bot1-id-123\n[bot2]\nclient_id=bot2-id-456\n");
        _variables["praw_site"] = "bot1";

        Assert.Equal("bot1-id-123", Bind().App!.ClientId);
        Assert.Equal("bot2-id-456", Bind(site: "bot2").App!.ClientId);
    }

    [Fact]
    public void TryBind_CurrentFolderFile_WinsKeyByKey()
    {
        File.WriteAllText(UserIni, "[bot1]\nclient_id=home-id-123\nclient_secret=home-secret-1\nuser_agent=home agent 1.0\n");
        File.WriteAllText(WorkIni, "[bot1]\nclient_id=work-id-456\n");

        var access = Bind(site: "bot1");

        Assert.Equal(("work-id-456", "home-secret-1"), (access.App!.ClientId, access.App.ClientSecret));
        Assert.Equal($"{WorkIni} [bot1] and {UserIni} [bot1]", access.App.Origin);
        Assert.Equal($"home agent 1.0 reddittop/{UserAgent.Version}", access.UserAgent);
    }

    [Fact]
    public void TryBind_RedditVariables_WinOverPrawsAndTheFile_AsAPair()
    {
        File.WriteAllText(UserIni, "[DEFAULT]\nclient_id=file-id-123\nclient_secret=file-secret-1\n");
        _variables["praw_client_id"] = "praw-id-456";
        _variables["REDDIT_CLIENT_ID"] = "env-id-789";

        var app = Bind().App!;

        // REDDIT_CLIENT_SECRET unset: an installed app, not the file's secret paired with another app's id.
        Assert.Equal(("env-id-789", null), (app.ClientId, app.ClientSecret));
        Assert.Equal("the environment", app.Origin);
        Assert.Equal("REDDIT_CLIENT_ID", app.ToCheck);
    }

    [Fact]
    public void TryBind_PrawVariables_WinOverTheFileKeyByKey()
    {
        File.WriteAllText(UserIni, "[DEFAULT]\nclient_id=file-id-123\nclient_secret=file-secret-1\n");
        _variables["praw_client_id"] = "praw-id-456";

        var app = Bind().App!;

        Assert.Equal(("praw-id-456", "file-secret-1"), (app.ClientId, app.ClientSecret));
        Assert.Equal($"the environment and {UserIni} [DEFAULT]", app.Origin);
        Assert.Equal($"praw_client_id and client_secret in {UserIni} [DEFAULT]", app.ToCheck);
    }

    [Fact]
    public void TryBind_EverythingFromTheEnvironment_ABrokenPrawIniIsNotRead()
    {
        File.WriteAllText(WorkIni, "client_id=someone-else's\n");
        _variables["REDDIT_CLIENT_ID"] = "env-id-789";
        _variables["REDDITTOP_USER_AGENT"] = Agent;

        Assert.Equal("env-id-789", Bind().App!.ClientId);
    }

    [Theory]
    [InlineData(null, "{work}, line 1: a line before the first [section]")]
    [InlineData("bot9", "--site bot9: no section [bot9] in {user} or {work}")]
    [InlineData("bot2", "--site bot2: [bot2] has no client_id in {user} or {work}, and neither REDDIT_CLIENT_ID nor praw_client_id is set")]
    public void TryBind_BrokenFileOrMissingSite_UsageErrorNamingTheFiles(string? site, string expected)
    {
        File.WriteAllText(UserIni, "[bot2]\nuser_agent=x\n");
        File.WriteAllText(WorkIni, site is null ? "client_id=x\n" : "[bot1]\nclient_id=bot1-id-123\n");

        Assert.Equal(expected.Replace("{user}", UserIni, StringComparison.Ordinal).Replace("{work}", WorkIni, StringComparison.Ordinal), BindError(site));
    }

    [Fact]
    public void TryBind_PrawSiteNamingNoSection_UsageError()
    {
        _variables["praw_site"] = "bot9";

        Assert.Equal($"praw_site bot9: no section [bot9] in {UserIni} or {WorkIni}", BindError());
    }

    [Fact]
    public void TryBind_FolderWherePrawIniShouldBe_WarnedAndSkipped()
    {
        Directory.CreateDirectory(UserIni);
        File.WriteAllText(WorkIni, "[DEFAULT]\nclient_id=work-id-456\n");

        Assert.Equal("work-id-456", Bind().App!.ClientId);
        Assert.Equal($"reddittop: warning: ignoring {UserIni}: it is a folder\n", _error.ToString());
    }

    [Fact]
    public async Task TryBind_FifoWherePrawIniShouldBe_SkippedWithoutWaiting()
    {
        HostileFiles.MakeFifo(WorkIni);

        var access = await Task.Run(() => Bind()).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Null(access.App);
        Assert.Equal($"reddittop: warning: ignoring {WorkIni}: it is not a regular file\n", _error.ToString());
    }

    [Theory]
    [InlineData("client_id=bad id\nclient_secret=fine-secret-1\n", "client_id in {user} [DEFAULT]: holds a space, a line break, a control character or a character outside ASCII")]
    [InlineData("client_id=fine-id-123\nclient_secret=hunter2\n  more-hunter2\n", "client_secret in {user} [DEFAULT]: holds a space, a line break, a control character or a character outside ASCII")]
    public void TryBind_CredentialThatCannotBeSent_UsageErrorWithoutTheValue(string keys, string expected)
    {
        File.WriteAllText(UserIni, "[DEFAULT]\n" + keys);

        var error = BindError();

        Assert.Equal(expected.Replace("{user}", UserIni, StringComparison.Ordinal), error);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true, true, "--user-agent")]
    [InlineData(false, true, true, true, "REDDITTOP_USER_AGENT")]
    [InlineData(false, false, true, true, "praw_user_agent")]
    [InlineData(false, false, false, true, "user_agent in {user} [DEFAULT]")]
    [InlineData(false, false, false, false, null)]
    public void TryBind_UserAgent_CommandLineOverEnvironmentOverPraw(bool commandLine, bool variable, bool prawVariable, bool file, string? expectedOrigin)
    {
        File.WriteAllText(UserIni, file ? "[DEFAULT]\nuser_agent=from the file 1.0\n" : "");
        _variables["REDDITTOP_USER_AGENT"] = variable ? "from the variable 1.0" : null;
        _variables["praw_user_agent"] = prawVariable ? "from praw_user_agent 1.0" : null;

        var access = Bind(userAgent: commandLine ? "from the command line 1.0" : null);

        Assert.Equal(expectedOrigin?.Replace("{user}", UserIni, StringComparison.Ordinal), access.UserAgentOrigin);
        var expected = expectedOrigin switch
        {
            null => null,
            "--user-agent" => "from the command line 1.0",
            "REDDITTOP_USER_AGENT" => "from the variable 1.0",
            "praw_user_agent" => "from praw_user_agent 1.0",
            _ => "from the file 1.0",
        };
        Assert.Equal(expected is null ? null : $"{expected} reddittop/{UserAgent.Version}", access.UserAgent);
    }

    [Fact]
    public void TryBind_UserAgentFromTheConfigFile_BelowTheVariableAbovePraw()
    {
        File.WriteAllText(UserIni, "[DEFAULT]\nuser_agent=from the file 1.0\n");

        Assert.Equal("--user-agent in the config file", Bind(userAgentConfigFile: Agent).UserAgentOrigin);
        _variables["REDDITTOP_USER_AGENT"] = "from the variable 1.0";
        Assert.Equal("REDDITTOP_USER_AGENT", Bind(userAgentConfigFile: Agent).UserAgentOrigin);
    }

    [Theory]
    [InlineData("linux:bot:1.0\r\nX-Evil: 1", "REDDITTOP_USER_AGENT: the User-Agent holds a line break, a control character or a character outside ASCII")]
    [InlineData("linux:bøt:1.0 (by /u/me)", "REDDITTOP_USER_AGENT: the User-Agent holds a line break, a control character or a character outside ASCII")]
    [InlineData("  bot  ", "REDDITTOP_USER_AGENT: the User-Agent is too short to say which app it is (7 characters at least; Reddit asks for <platform>:<app id>:<version> (by /u/<username>))")]
    public void TryBind_UserAgentThatCannotBeAHeader_UsageErrorNamingWhereItCameFrom(string text, string expected)
    {
        _variables["REDDITTOP_USER_AGENT"] = text;

        Assert.Equal(expected, BindError());
    }

    [Fact]
    public void TryBind_UserAgentOverTheCap_Refused_AtTheCapAccepted()
    {
        Assert.Equal("--user-agent: the User-Agent is longer than 256 characters", BindError(userAgent: new string('a', 257)));
        Assert.Equal($"{new string('a', 256)} reddittop/{UserAgent.Version}", Bind(userAgent: new string('a', 256)).UserAgent);
    }

    [Fact]
    public void TryBind_MultiLineUserAgentInPrawIni_RefusedNamingTheFile()
    {
        File.WriteAllText(WorkIni, "[bot1]\nclient_id=bot1-id-123\nuser_agent=linux:bot:1.0\n  (by /u/me)\n");

        Assert.Equal($"user_agent in {WorkIni} [bot1]: the User-Agent holds a line break, a control character or a character outside ASCII", BindError(site: "bot1"));
    }

    private AccessBindingTests WithUserIni(string text)
    {
        File.WriteAllText(UserIni, text);
        return this;
    }

    private AccessBinding.Access Bind(string? site = null, string? userAgent = null, string? userAgentConfigFile = null)
    {
        var ok = AccessBinding.TryBind(site, userAgent, userAgentConfigFile, Environment(), out var access, out var error);
        Assert.True(ok, error);
        return access!;
    }

    private string BindError(string? site = null, string? userAgent = null)
    {
        Assert.False(AccessBinding.TryBind(site, userAgent, null, Environment(), out _, out var error));
        return error!;
    }

    private RunEnvironment Environment() =>
        new(TextWriter.Null, _error, name => _variables.GetValueOrDefault(name), new FakeTimeProvider()) { CurrentDirectory = WorkFolder };
}

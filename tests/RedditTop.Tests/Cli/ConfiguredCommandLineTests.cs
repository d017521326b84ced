using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Run;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Cli;

/// <summary>The whole command in-process with a config file: what it adds, what the command line and the environment override.</summary>
public sealed class ConfiguredCommandLineTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-config-");
    private readonly Dictionary<string, string> _variables = [];
    private readonly string _config;

    public ConfiguredCommandLineTests()
    {
        _config = Path.Combine(_folder.FullName, "config");
        _variables[ConfigFile.PathVariable] = _config;
        _mock.Fallback.Respond("application/json", TestFiles.Read("listing_top.json"));
    }

    public void Dispose()
    {
        _mock.Dispose();
        _out.Dispose();
        _error.Dispose();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Invoke_NoSubredditOnTheCommandLine_UsesTheFilesSubredditsAndOptions()
    {
        File.WriteAllText(_config, "# my usual\n-t week\npython:1\nrust:2\n");

        Assert.Equal(ExitCodes.Success, await InvokeAsync());

        Assert.Equal(
            ["/r/python/top.json?t=week&limit=1&raw_json=1", "/r/rust/top.json?t=week&limit=2&raw_json=1"],
            RequestedPaths().Order());
        Assert.Contains("/r/python:\n", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_SubredditsOnTheCommandLine_ReplaceTheFilesButItsOptionsStay()
    {
        File.WriteAllText(_config, "python:1\n-t\nweek\nrust:2\n");

        Assert.Equal(ExitCodes.Success, await InvokeAsync("csharp:3"));

        Assert.Equal(["/r/csharp/top.json?t=week&limit=3&raw_json=1"], RequestedPaths());
    }

    [Fact]
    public async Task Invoke_OptionInBoth_TheCommandLineWins()
    {
        File.WriteAllText(_config, "--limit=5\n--sort new\n");

        await InvokeAsync("-n", "2", "--sort", "hot", "python");

        Assert.Equal(["/r/python/hot.json?limit=2&raw_json=1"], RequestedPaths());
    }

    [Fact]
    public async Task Invoke_BadLines_UsageErrorsNameTheFileAndLineBeforeTheCommandLinesErrors()
    {
        File.WriteAllText(_config, "python\n\n--sort\nnewest\n--limt\n");

        Assert.Equal(ExitCodes.Usage, await InvokeAsync("--bogus", "rust"));

        Assert.Equal(
            $"reddittop: config file '{_config}' line 4: --sort: 'newest' is not one of top, hot, new, rising, controversial, best\n"
            + $"reddittop: config file '{_config}' line 5: unknown option '--limt' (did you mean '--limit'?)\n"
            + "reddittop: unknown option '--bogus'\n"
            + "Try 'reddittop --help' for more information.\n",
            _error.ToString());
        Assert.Empty(RequestedPaths());
    }

    [Theory]
    [InlineData("--no-nsfw=yes")]
    [InlineData("--verbose=on")]
    [InlineData("--new-only=")]
    public async Task Invoke_FlagWithAValueItCannotTake_IsAUsageErrorNotASubreddit(string flag)
    {
        _variables.Remove(ConfigFile.PathVariable);

        Assert.Equal(ExitCodes.Usage, await InvokeAsync(flag, "python"));

        Assert.Equal($"reddittop: {flag[..flag.IndexOf('=', StringComparison.Ordinal)]} takes no value: '{flag}'\nTry 'reddittop --help' for more information.\n", _error.ToString());
        Assert.Empty(RequestedPaths());
    }

    [Theory]
    [InlineData("--mark-new=true")]
    [InlineData("--mark-new=False")]
    [InlineData("--mark-new")]
    public async Task Invoke_FlagAloneOrWithTrueOrFalse_IsAccepted(string flag)
    {
        _variables.Remove(ConfigFile.PathVariable);

        Assert.Equal(ExitCodes.Success, await InvokeAsync(flag, "python:1"));

        Assert.Equal(["/r/python/top.json?t=day&limit=1&raw_json=1"], RequestedPaths());
    }

    [Fact]
    public async Task Invoke_FlagWithAValueInTheFile_NamesTheLineAndIsNotTakenForTheFilesSubreddit()
    {
        File.WriteAllText(_config, "python:1\n--mark-new=yes\n");

        Assert.Equal(ExitCodes.Usage, await InvokeAsync("rust:1"));

        Assert.Equal($"reddittop: config file '{_config}' line 2: --mark-new takes no value: '--mark-new=yes'\nTry 'reddittop --help' for more information.\n", _error.ToString());
    }

    [Fact]
    public async Task Invoke_NoConfig_IgnoresTheFileEvenABrokenOne()
    {
        File.WriteAllText(_config, "--limt\npython\n");

        Assert.Equal(ExitCodes.Success, await InvokeAsync("--no-config", "rust:1"));

        Assert.Equal(["/r/rust/top.json?t=day&limit=1&raw_json=1"], RequestedPaths());
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public async Task Invoke_BaseUrl_CommandLineOverEnvironmentOverConfig()
    {
        File.WriteAllText(_config, "--base-url=http://127.0.0.1:1001\npython:1\n");
        await InvokeAsync();
        _variables["REDDITTOP_BASE_URL"] = "http://127.0.0.1:1002";
        await InvokeAsync();
        await InvokeAsync("--base-url", "http://127.0.0.1:1003", "rust:1");

        Assert.Equal(
            ["http://127.0.0.1:1001/r/python/", "http://127.0.0.1:1002/r/python/", "http://127.0.0.1:1003/r/rust/"],
            _requests.Select(r => r.GetLeftPart(UriPartial.Path).Replace("top.json", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Invoke_UserAgent_CommandLineOverEnvironmentOverConfigOverPrawIni()
    {
        var configHome = Directory.CreateDirectory(Path.Combine(_folder.FullName, "xdg"));
        _variables["XDG_CONFIG_HOME"] = configHome.FullName;
        File.WriteAllText(Path.Combine(configHome.FullName, "praw.ini"), "[DEFAULT]\nuser_agent = linux:from-ini:1\n");
        File.WriteAllText(_config, "python:1\n");
        await InvokeAsync();
        File.WriteAllText(_config, "python:1\n--user-agent linux:from-config:1\n");
        await InvokeAsync();
        _variables["REDDITTOP_USER_AGENT"] = "linux:from-env:1";
        await InvokeAsync();
        await InvokeAsync("--user-agent", "linux:from-command-line:1");

        Assert.Equal(
            ["linux:from-ini:1", "linux:from-config:1", "linux:from-env:1", "linux:from-command-line:1"],
            _userAgents.Select(agent => agent.Split(' ')[0]));
        Assert.All(_userAgents, agent => Assert.EndsWith($" reddittop/{RedditTop.Reddit.UserAgent.Version}", agent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_Site_CommandLineOverEnvironmentOverConfig()
    {
        var configHome = Directory.CreateDirectory(Path.Combine(_folder.FullName, "xdg"));
        _variables["XDG_CONFIG_HOME"] = configHome.FullName;
        File.WriteAllText(Path.Combine(configHome.FullName, "praw.ini"), "[config]\nclient_id=c\n[env]\nclient_id=e\n[line]\nclient_id=l\n");
        File.WriteAllText(_config, "python:1\n--site config\n");
        await InvokeAsync("-v");
        _variables["praw_site"] = "env";
        await InvokeAsync("-v");
        await InvokeAsync("-v", "--site", "line");

        // Each run asks the token endpoint as the app of the section that won.
        Assert.Equal(
            ["c", "e", "l"],
            _basicCredentials.Select(c => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(c)).Split(':')[0]));
    }

    [Fact]
    public async Task Invoke_Verbose_NamesTheConfigFile()
    {
        File.WriteAllText(_config, "python:1\n");

        await InvokeAsync("-v");

        Assert.StartsWith($"reddittop: config file {_config}\n", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_VerboseWithoutAFile_SaysThereIsNone()
    {
        _variables.Remove(ConfigFile.PathVariable);

        await InvokeAsync("-v", "python:1");

        Assert.StartsWith("reddittop: no config file\n", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnreadableFile_IsAUsageErrorButHelpStillAnswersAndNamesIt()
    {
        Directory.CreateDirectory(_config);

        Assert.Equal(ExitCodes.Usage, await InvokeAsync("python"));
        Assert.StartsWith($"reddittop: config file '{_config}': it is a folder\n", _error.ToString(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, await InvokeAsync("--help"));
        Assert.Contains($"Config file: {_config},", _out.ToString().ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Help_SaysWhetherTheFileIsRead()
    {
        await InvokeAsync("--help");
        File.WriteAllText(_config, "python\n");
        await InvokeAsync("--help");
        await InvokeAsync("--help", "--no-config");

        var help = _out.ToString().ReplaceLineEndings(" ");
        Assert.Contains($"Config file: {_config}, none there;", help, StringComparison.Ordinal);
        Assert.Contains($"Config file: {_config}, read:", help, StringComparison.Ordinal);
        Assert.Contains($"Config file: {_config}, ignored (--no-config).", help, StringComparison.Ordinal);
    }

    private readonly List<Uri> _requests = [];
    private readonly List<string> _userAgents = [];
    private readonly List<string> _basicCredentials = [];

    private List<string> RequestedPaths() => _requests.Select(r => r.PathAndQuery).ToList();

    private Task<int> InvokeAsync(params string[] args)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        var recorder = new RecordingHandler(_mock, _requests, _userAgents, _basicCredentials);
        var environment = new RunEnvironment(_out, _error, name => _variables.GetValueOrDefault(name), time, recorder);
        return RedditTopCommand.InvokeAsync(args, environment, CancellationToken.None);
    }

    /// <summary>Notes every request's URL, User-Agent and app credentials on its way to the mock.</summary>
    private sealed class RecordingHandler(HttpMessageHandler inner, List<Uri> requests, List<string> userAgents, List<string> basicCredentials) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (requests)
            {
                requests.Add(request.RequestUri!);
                userAgents.Add(request.Headers.UserAgent.ToString());
                if (request.Headers.Authorization is { Scheme: "Basic", Parameter: { } credentials })
                {
                    basicCredentials.Add(credentials);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}

using FakeReddit;

namespace RedditTop.Tests.EndToEnd;

/// <summary>The config file as a user keeps it, <c>~/.config/reddittop/config</c>, read by the real program.</summary>
public sealed class ConfigEndToEndTests : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("reddittop-config-home-");

    public void Dispose() => _home.Delete(recursive: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_Alone_PrintsTheUsualSubredditsOfTheConfigFile()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        WriteConfig($"# my usual subreddits\n--base-url {server.BaseUrl}\n--no-header\n--order=input\n\npython:2\nrust:1\n");

        var (exitCode, stdout, stderr) = await RunAsync();

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "python", 2) + await ExpectedOutput.BlockAsync(server, "rust", 1), stdout);
    }

    [Fact]
    public async Task Run_SubredditsOnTheCommandLine_TakeThePlaceOfTheFilesAndItsOptionsStay()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        WriteConfig($"--base-url={server.BaseUrl}\n--no-header\npython:2\n-n\n3\n");

        var (exitCode, stdout, _) = await RunAsync("csharp");

        Assert.Equal(0, exitCode);
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "csharp", 3), stdout);
        Assert.DoesNotContain(server.Requests, r => r.PathAndQuery.StartsWith("/r/python/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ABadLine_ExitsWithAUsageErrorNamingTheFileAndLineAndAsksNothing()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        var config = WriteConfig($"--base-url={server.BaseUrl}\n\n--limit 0\npython\n");

        var (exitCode, stdout, stderr) = await RunAsync();

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Equal(
            $"reddittop: config file '{config}' line 3: --limit: '0' is not a whole number from 1 to 1000\nTry 'reddittop --help' for more information.\n",
            stderr);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Run_NoConfig_IgnoresTheFile()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        WriteConfig("--limt\npython\n");

        var (exitCode, stdout, stderr) = await RunAsync("--no-config", "--base-url", server.BaseUrl, "--no-header", "rust:1");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "rust", 1), stdout);
    }

    [Fact]
    public async Task Run_ConfigPathVariable_NamesAnotherFile_AndVerboseSaysWhich()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        var other = Path.Combine(_home.FullName, "work.conf");
        File.WriteAllText(other, $"--base-url={server.BaseUrl}\npython:1\n");
        WriteConfig("--limt\n"); // the default file, not read

        var (exitCode, _, stderr) = await RunAsync(new Dictionary<string, string?> { ["REDDITTOP_CONFIG_PATH"] = other }, "-v");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"reddittop: config file {other}\n", stderr, StringComparison.Ordinal);
    }

    private string WriteConfig(string text)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_home.FullName, "config", "reddittop"));
        var path = Path.Combine(folder.FullName, "config");
        File.WriteAllText(path, text);
        return path;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        environment["XDG_CONFIG_HOME"] = Path.Combine(_home.FullName, "config");
        using var process = ReddittopProcess.Start(args, environment);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Stdout, process.Stderr);
    }
}

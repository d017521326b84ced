using System.Text.Json;
using FakeReddit;
using RedditTop.Storage;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// The real program with something other than a file where it reads one: a FIFO at the token-cache or state path, a
/// cache folder open to everyone, and response files (<c>@FILE</c>) that never end or are pipes. The run neither hangs
/// nor runs out of memory, and says what it did in the usual words.
/// </summary>
public sealed class HostileFilesEndToEndTests : IDisposable
{
    private const string ClientId = "hostile-files-client";
    private const string Secret = "SECRET-hostile-5b2c";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("reddittop-hostile-");

    public void Dispose() => _home.Delete(recursive: true);

    private string CacheFolder => Path.Combine(_home.FullName, "cache", "reddittop");

    private string StateFolder => Path.Combine(_home.FullName, "state", "reddittop");

    [Fact]
    public async Task Run_FifoAtTheTokenCachePath_AsksForANewTokenAndPrintsTheListing()
    {
        await using var server = await StartServerWithAppAsync();
        Assert.Equal(0, (await RunAsync(["--base-url", server.BaseUrl, "python:1"], app: true)).ExitCode);
        var tokenFile = Assert.Single(Directory.GetFiles(CacheFolder));
        HostileFiles.MakeFifo(tokenFile);

        var (exitCode, stdout, stderr) = await RunAsync(["--base-url", server.BaseUrl, "--deadline", "30", "python:1"], app: true);

        Assert.Equal((0, ""), (exitCode, stderr)); // as a damaged cache: no word, a new token
        Assert.Contains("\n/r/python:\n", stdout, StringComparison.Ordinal);
        Assert.Equal(2, server.TokenRequests.Count);
        Assert.Equal(FileKind.Regular, FileFacts.OfLink(tokenFile)!.Value.Kind); // the new token replaced the FIFO
    }

    [Theory]
    [InlineData("--mark-new")]
    [InlineData("--new-only")]
    public async Task Run_FifoAtTheStatePath_WarnsOnceAndShowsEveryPostAsNew(string option)
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync(["--base-url", server.BaseUrl, option, "python:2"], app: false)).ExitCode);
        var stateFile = Assert.Single(Directory.GetFiles(StateFolder));
        HostileFiles.MakeFifo(stateFile);

        var (exitCode, stdout, stderr) = await RunAsync(["--base-url", server.BaseUrl, "--deadline", "30", option, "-f", "jsonl", "python:2"], app: false);

        Assert.Equal(0, exitCode);
        Assert.Equal($"reddittop: warning: ignoring unreadable state file {stateFile}: it is not a regular file\n", stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.True(JsonDocument.Parse(row).RootElement.GetProperty("is_new").GetBoolean()));
        Assert.Equal(FileKind.Regular, FileFacts.OfLink(stateFile)!.Value.Kind); // this run's state replaced the FIFO
    }

    [Fact]
    public async Task Run_TokenFromACacheFolderOpenToEveryone_LeavesTheFolderOwnerOnly()
    {
        await using var server = await StartServerWithAppAsync();
        Assert.Equal(0, (await RunAsync(["--base-url", server.BaseUrl, "python:1"], app: true)).ExitCode);
        File.SetUnixFileMode(CacheFolder, (UnixFileMode)0b111_111_111);

        var (exitCode, stdout, stderr) = await RunAsync(["--base-url", server.BaseUrl, "python:1"], app: true);

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Contains("\n/r/python:\n", stdout, StringComparison.Ordinal);
        Assert.Single(server.TokenRequests); // the second run's token came from the cache
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(CacheFolder));
    }

    [Fact]
    public async Task Run_DevZeroAsResponseFile_UsageErrorNamingItWithoutAStackTrace()
    {
        var (exitCode, stdout, stderr) = await RunAsync(["python:1", "@/dev/zero"], app: false);

        Assert.Equal(2, exitCode);
        Assert.Equal("reddittop: @/dev/zero: the file is larger than 1 MiB\nTry 'reddittop --help' for more information.\n", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Run_ResponseFileThatIsAFifo_ReadAsTheWriterWritesIt()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: TestContext.Current.CancellationToken);
        var fifo = Path.Combine(_home.FullName, "arguments");
        HostileFiles.MakeFifo(fifo);

        using var process = Start(["--base-url", server.BaseUrl, "@" + fifo], app: false);
        await Task.Run(() => File.WriteAllText(fifo, "# from a pipe\n-n 2\npython\n"), TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal((0, ""), (exitCode, process.Stderr));
        Assert.Contains("\n/r/python:\n", process.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, process.Stdout.Split('\n').Count(l => l.StartsWith("\t\t(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_ResponseFileFifoNobodyWrites_SigtermStillStopsTheRun()
    {
        var fifo = Path.Combine(_home.FullName, "arguments");
        HostileFiles.MakeFifo(fifo);

        using var process = Start(["python:1", "@" + fifo], app: false);
        await process.WaitUntilAsync(() => IsWaitingForAFifoWriter(process.Id), Patience);
        process.Signal(ReddittopProcess.Sigterm);

        Assert.Equal(143, await process.WaitForExitAsync(Patience));
        Assert.Equal("", process.Stdout);
    }

    /// <summary>
    /// Whether a thread of the program waits in the kernel to open a FIFO that has no writer (<c>/proc/PID/task/TID/wchan</c>).
    /// The runtime's debugger thread (<c>.NET DebugPipe</c>, not in a NativeAOT binary) waits so from the start, on a FIFO
    /// of its own, and does not count.
    /// </summary>
    private static bool IsWaitingForAFifoWriter(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task")
                .Any(task => File.ReadAllText(Path.Combine(task, "wchan")).Trim() is "wait_for_partner" or "fifo_open"
                    && !File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Debug", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a thread (or the process) ended while we looked
        }
    }

    private static Task<FakeRedditServer> StartServerWithAppAsync() =>
        FakeRedditServer.StartAsync(
            new Scenario { OAuth = new OAuthSettings { ClientId = ClientId, ClientSecret = Secret, RequireToken = true } },
            cancellationToken: TestContext.Current.CancellationToken);

    private ReddittopProcess Start(string[] args, bool app) =>
        ReddittopProcess.Start(args, new Dictionary<string, string?>
        {
            ["REDDIT_CLIENT_ID"] = app ? ClientId : null,
            ["REDDIT_CLIENT_SECRET"] = app ? Secret : null,
            ["XDG_CACHE_HOME"] = Path.GetDirectoryName(CacheFolder),
            ["XDG_STATE_HOME"] = Path.GetDirectoryName(StateFolder),
        });

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] args, bool app)
    {
        using var process = Start(args, app);
        var exitCode = await process.WaitForExitAsync(Patience);
        return (exitCode, process.Stdout, process.Stderr);
    }
}

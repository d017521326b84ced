using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FakeReddit;
using RedditTop.Storage;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.EndToEnd;

/// <summary>
/// <c>-o PATH</c> with the real program, for what may be at PATH: a FIFO (streamed to its reader; a reader that never
/// comes ends the run at its deadline or on Ctrl+C), a link to stdout, a link to a file, a file only its owner may read.
/// </summary>
public sealed class OutputFileEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-out-file-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_OutputDash_IsStdoutAndMakesNoFile()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--no-header", "-o", "-", "python:2"], workingDirectory: _folder.FullName);

        var exitCode = await process.WaitForExitAsync(Patience);

        Assert.Equal((0, await ExpectedOutput.BlockAsync(server, "python", 2), ""), (exitCode, process.Stdout, process.Stderr));
        Assert.Empty(_folder.GetFileSystemInfos()); // no file named '-' in the folder it ran in
    }

    [Fact]
    public async Task Run_OutputToAFifo_TheReaderGetsAllThatStdoutWouldGet()
    {
        var fifo = MakeFifo();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        string[] args = ["--base-url", server.BaseUrl, "-f", "csv", "--order", "input", "python:3", "rust:2"];
        var reading = Task.Run(() => File.ReadAllText(fifo), Cancellation);

        var toFifo = await ReddittopProcess.RunAsync([.. args, "-o", fifo], shellRedirection: null);
        var toStdout = await ReddittopProcess.RunAsync(args);

        Assert.Equal((0, "", ""), toFifo);
        Assert.Equal(6, toStdout.Stdout.TrimEnd('\n').Split('\n').Length); // the header and five posts
        Assert.Equal(WithoutFetchTimes(toStdout.Stdout), WithoutFetchTimes(await reading.WaitAsync(Patience, Cancellation))); // two runs: two fetched_at
        Assert.True(FileFacts.IsFifo(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_OutputToAFifo_EachBlockReachesTheReaderAsItIsWritten()
    {
        var fifo = MakeFifo();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        server.Hold("python");
        var received = new StringBuilder();
        var reading = Task.Run(() => ReadInto(fifo, received), Cancellation);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-o", fifo, "python:2", "rust:3"]);
        var rustBlock = await ExpectedOutput.BlockAsync(server, "rust", 3);
        await process.WaitUntilAsync(() => Received(received).Contains(rustBlock, StringComparison.Ordinal), Patience);
        Assert.False(process.HasExited); // python is still held: rust's block came before the end of the run
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        await reading.WaitAsync(Patience, Cancellation);
        Assert.Contains(await ExpectedOutput.BlockAsync(server, "python", 2), Received(received), StringComparison.Ordinal);
        Assert.Equal(("", ""), (process.Stdout, process.Stderr));
    }

    [Fact]
    public async Task Run_OutputToAFifoNobodyReads_EndsAtTheDeadlineSayingWhyAndFetchesNothing()
    {
        var fifo = MakeFifo();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        var clock = Stopwatch.StartNew();

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--deadline", "1", "-o", fifo, "python:3");

        Assert.Equal(1, exitCode);
        Assert.Equal($"reddittop: cannot write output: '{fifo}': nothing opened the FIFO for reading before the deadline of 1 s\n", stderr);
        Assert.Equal("", stdout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), Patience);
        Assert.Empty(server.Requests);
        Assert.True(FileFacts.IsFifo(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Theory]
    [InlineData(ReddittopProcess.Sigint, 130)]
    [InlineData(ReddittopProcess.Sigterm, 143)]
    public async Task Run_OutputToAFifoNobodyReads_ASignalEndsTheWaitCleanly(int signal, int expectedExitCode)
    {
        var fifo = MakeFifo();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "--deadline", "3600", "-v", "-o", fifo, "python:3"]);
        await process.WaitUntilAsync(() => process.Stderr.Contains("reddittop: anonymous requests to", StringComparison.Ordinal), Patience);
        process.Signal(signal);

        Assert.Equal(expectedExitCode, await process.WaitForExitAsync(Patience));
        Assert.EndsWith("reddittop: interrupted: 0 of 1 subreddits printed\n", process.Stderr, StringComparison.Ordinal); // the run ended, not abandoned
        Assert.Empty(server.Requests);
        Assert.True(FileFacts.IsFifo(fifo));
    }

    [Fact]
    public async Task Run_OutputToAFifoWhoseReaderGoesAway_StopsQuietlyAsWithAPipe()
    {
        var fifo = MakeFifo();
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);
        server.Hold("python");
        var firstLine = Task.Run(() => ReadFirstLine(fifo), Cancellation); // as `head -n 1 < fifo` does

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-o", fifo, "python:100", "rust:100"]);
        await firstLine.WaitAsync(Patience, Cancellation);
        server.Release("python");

        Assert.Equal(0, await process.WaitForExitAsync(Patience));
        Assert.Equal(("", ""), (process.Stdout, process.Stderr));
    }

    [Fact]
    public async Task Run_OutputToADeviceThatFailsWrites_SaysSoAndExits1()
    {
        var link = Path.Combine(_folder.FullName, "full");
        File.CreateSymbolicLink(link, "/dev/full");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-o", link, "python:3");

        Assert.Equal((1, ""), (exitCode, stdout));
        Assert.StartsWith("reddittop: cannot write output: No space left on device", stderr, StringComparison.Ordinal);
        Assert.Equal("/dev/full", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task Run_OutputToALinkToStdout_WritesToStdoutAndKeepsTheLink()
    {
        // /dev/stdout is such a link; this one is in a folder of the test's own.
        var link = Path.Combine(_folder.FullName, "stdout");
        File.CreateSymbolicLink(link, "/proc/self/fd/1");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "--no-header", "-o", link, "rust:3");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal(await ExpectedOutput.BlockAsync(server, "rust", 3), stdout);
        Assert.Equal("/proc/self/fd/1", new FileInfo(link).LinkTarget);
        Assert.Equal([link], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_OutputToALinkToAFile_ReplacesTheFileAndKeepsTheLink()
    {
        var data = Directory.CreateDirectory(Path.Combine(_folder.FullName, "data"));
        var target = Path.Combine(data.FullName, "top.csv");
        await File.WriteAllTextAsync(target, "previous run\n", Cancellation);
        var link = Path.Combine(_folder.FullName, "top.csv");
        File.CreateSymbolicLink(link, "data/top.csv");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "csv", "-o", link, "python:3");

        Assert.Equal((0, "", ""), (exitCode, stdout, stderr));
        Assert.Equal("data/top.csv", new FileInfo(link).LinkTarget);
        Assert.Equal(4, (await File.ReadAllTextAsync(target, Cancellation)).TrimEnd('\n').Split('\n').Length); // the header and three posts
        Assert.Equal([target], Directory.GetFileSystemEntries(data.FullName));
    }

    [Fact]
    public async Task Run_OutputToAnOwnerOnlyFile_KeepsItOwnerOnly()
    {
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var path = Path.Combine(_folder.FullName, "top.csv");
        await File.WriteAllTextAsync(path, "previous run\n", Cancellation);
        File.SetUnixFileMode(path, ownerOnly);
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var (exitCode, stdout, stderr) = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-f", "csv", "-o", path, "python:3");

        Assert.Equal((0, "", ""), (exitCode, stdout, stderr));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(path));
        Assert.StartsWith("subreddit,rank,", await File.ReadAllTextAsync(path, Cancellation), StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_OutputIntoAMissingFolder_NamesThePathAndWhyBeforeAnythingIsRequested()
    {
        var path = Path.Combine(_folder.FullName, "missing", "dir", "top.txt");
        var oauth = new OAuthSettings { ClientId = "my-client-id-42", ClientSecret = "SECRET-sauce-7e1f0a" };
        await using var server = await FakeRedditServer.StartAsync(new Scenario { OAuth = oauth }, cancellationToken: Cancellation);
        var app = new Dictionary<string, string?> { ["REDDIT_CLIENT_ID"] = oauth.ClientId, ["REDDIT_CLIENT_SECRET"] = oauth.ClientSecret };

        using var process = ReddittopProcess.Start(["--base-url", server.BaseUrl, "-o", path, "python:3"], app);

        Assert.Equal(1, await process.WaitForExitAsync(Patience));
        Assert.Equal(("", $"reddittop: cannot write output: '{path}': no such folder\n"), (process.Stdout, process.Stderr));
        Assert.Empty(server.TokenRequests); // not even the app's token was asked for
        Assert.Empty(server.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_OutputUnderAFile_SaysNotAFolderAndLeavesTheFileAlone()
    {
        var file = Path.Combine(_folder.FullName, "notes");
        await File.WriteAllTextAsync(file, "mine\n", Cancellation);
        var path = Path.Combine(file, "top.txt");
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var run = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-o", path, "python:3");

        Assert.Equal((1, "", $"reddittop: cannot write output: '{path}': not a folder\n"), run);
        Assert.Empty(server.Requests);
        Assert.Equal("mine\n", await File.ReadAllTextAsync(file, Cancellation));
        Assert.Equal([file], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task Run_OutputIsAFolder_SaysSoBeforeAnythingIsRequested()
    {
        await using var server = await FakeRedditServer.StartAsync(new Scenario(), cancellationToken: Cancellation);

        var run = await ReddittopProcess.RunAsync("--base-url", server.BaseUrl, "-o", _folder.FullName, "python:3");

        Assert.Equal((1, "", $"reddittop: cannot write output: '{_folder.FullName}': is a folder\n"), run);
        Assert.Empty(server.Requests);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    /// <summary>csv rows with their <c>fetched_at</c> column (the last but one) blanked: the time of a run's request.</summary>
    private static string WithoutFetchTimes(string csv) =>
        Regex.Replace(csv, @",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,(true|false)$", ",,$1", RegexOptions.Multiline);

    private static string Received(StringBuilder received)
    {
        lock (received)
        {
            return received.ToString();
        }
    }

    private static string? ReadFirstLine(string fifo)
    {
        using var reader = new StreamReader(fifo);
        return reader.ReadLine();
    }

    private static void ReadInto(string fifo, StringBuilder received)
    {
        using var reader = new StreamReader(fifo);
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            lock (received)
            {
                received.Append(buffer, 0, read);
            }
        }
    }

    private string MakeFifo()
    {
        var path = Path.Combine(_folder.FullName, "fifo");
        HostileFiles.MakeFifo(path);
        return path;
    }
}

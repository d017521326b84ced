using RedditTop.Cli;
using RedditTop.Run;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Run;

/// <summary>
/// <c>--watch</c> in-process, round by round on a watched fake clock: nothing sleeps. The class runs alone (its
/// collection is not parallel), so the memory it measures is its own.
/// </summary>
[Collection(nameof(MeasuresMemory))]
public sealed class WatchTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly MockHttpMessageHandler _mock = new();
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly MockedRequest _listing;

    public WatchTests()
    {
        _time.SetLocalTimeZone(TimeZoneInfo.Utc);
        _listing = _mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
    }

    public void Dispose()
    {
        _mock.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task InvokeAsync_WatchOnATerminal_ClearsTheScreenEachRoundAndSaysWhenTheNextComes()
    {
        using var cts = new CancellationTokenSource();
        var environment = new RunEnvironment(_out, _error, _ => null, _time, _mock, OutIsTerminal: true, ErrorIsTerminal: true);

        var run = RedditTopCommand.InvokeAsync(["--watch", "5", "--color", "never", "askreddit:1"], environment, cts.Token);
        await NextRoundAsync(1);
        _time.Advance(TimeSpan.FromSeconds(1)); // the status line shows once the run has taken half a second
        Assert.EndsWith("\r\u001b[Kreddittop: 1/1 subreddits, 0 failed, next round at 06:12:05", _error.ToString(), StringComparison.Ordinal);
        _time.Advance(Interval - TimeSpan.FromSeconds(1));
        await NextRoundAsync(2);
        await cts.CancelAsync();

        Assert.Equal(130, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var screens = _out.ToString().Split("\u001b[H\u001b[2J");
        Assert.Equal(3, screens.Length); // nothing before the first clear, then one screen per round
        Assert.Equal("", screens[0]);
        Assert.StartsWith("Friday, November 27, 06:12 AM\n", screens[1], StringComparison.Ordinal);
        Assert.StartsWith("Friday, November 27, 06:12 AM\n", screens[2], StringComparison.Ordinal);
        Assert.Contains("\t*38445: ", screens[1], StringComparison.Ordinal); // new in the first round
        Assert.Contains("\t38445: ", screens[2], StringComparison.Ordinal); // seen in the round before
    }

    [Fact]
    public async Task InvokeAsync_WatchTooOftenForTheBudget_WarnsOnce()
    {
        using var cts = new CancellationTokenSource();
        string[] args = ["--watch", "5", .. Enumerable.Range(1, 50).Select(n => $"sub{n}:1")];

        var run = RedditTopCommand.InvokeAsync(args, new RunEnvironment(_out, _error, _ => null, _time, _mock), cts.Token);
        await NextRoundAsync(50);
        _time.Advance(Interval);
        await NextRoundAsync(100);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var warnings = _error.ToString().Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(["reddittop: warning: 50 requests every 5 s is 600 a minute, more than the 100 Reddit allows; rounds will wait for the rate budget"], warnings);
    }

    [Fact]
    public async Task InvokeAsync_HundredsOfRounds_MemoryStaysFlat()
    {
        using var cts = new CancellationTokenSource();
        using var quiet = new CountingWriter();
        var environment = new RunEnvironment(quiet, _error, _ => null, _time, _mock);

        var run = RedditTopCommand.InvokeAsync(["--watch", "5", "--new-only", "askreddit:25", "all:25"], environment, cts.Token);
        long after100 = 0;
        for (var round = 1; round <= 300; round++)
        {
            await NextRoundAsync(2 * round);
            if (round == 100)
            {
                after100 = Allocated();
            }

            _time.Advance(Interval);
        }

        var after300 = Allocated();
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // 200 more rounds keep nothing: what a round holds (50 posts, about 100 KB) is gone when the next begins.
        Assert.True(after300 - after100 < 4 << 20, $"grew by {after300 - after100} bytes over 200 rounds");
    }

    /// <summary>Waits until <paramref name="requests"/> listing requests were made and the watch waits for its next round.</summary>
    private async Task NextRoundAsync(int requests)
    {
        await _time.WaitForTimerAsync(Interval);
        Assert.Equal(requests, _mock.GetMatchCount(_listing));
    }

    private static long Allocated()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>stdout that keeps nothing: a long watch must not grow the test's own memory.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

/// <summary>Tests that measure the process's memory run in this collection, alone.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;

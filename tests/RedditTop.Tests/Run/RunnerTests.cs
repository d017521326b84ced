using RedditTop.Cli;
using RedditTop.Run;
using RedditTop.Tests.Support;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Run;

/// <summary>How a run ends on a terminal, in-process on a fake clock: the status line is gone before the last line.</summary>
public sealed class RunnerTests : IDisposable
{
    private const string Erase = "\r\u001b[K";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly NeverAnsweringHandler _stuck;
    private readonly TimerWatchingTimeProvider _time = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public RunnerTests() => _stuck = new NeverAnsweringHandler("/r/stuck/", _mock);

    public void Dispose()
    {
        _stuck.Dispose();
        _mock.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task RunAsync_CtrlCWhileTheStatusLineShows_ErasesItBeforeInterruptedAndNeverDrawsItAgain()
    {
        using var cts = new CancellationTokenSource();
        var environment = new RunEnvironment(_out, _error, _ => null, _time, _stuck, ErrorIsTerminal: true);
        var run = RedditTopCommand.InvokeAsync(["stuck"], environment, cts.Token);
        await _stuck.NextRequestAsync();
        _time.Advance(TimeSpan.FromSeconds(1)); // the status line shows once the run has taken half a second
        Assert.EndsWith($"{Erase}reddittop: 0/1 subreddits, 0 failed", _error.ToString(), StringComparison.Ordinal);

        await cts.CancelAsync();
        Assert.Equal(ExitCodes.Interrupted, await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        _time.Advance(TimeSpan.FromSeconds(5)); // the status line's timer would have drawn it again by now

        Assert.EndsWith($"{Erase}reddittop: 0/1 subreddits, 0 failed{Erase}reddittop: interrupted: 0 of 1 subreddits printed\n", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _out.ToString()); // nothing was printed, not even the date line
    }
}

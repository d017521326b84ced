using Microsoft.Extensions.Time.Testing;
using RedditTop.Run;

namespace RedditTop.Tests.Run;

/// <summary>stderr for one run: whole lines, and on a terminal a status line that erases itself before each of them.</summary>
public sealed class DiagnosticsTests
{
    private const string Erase = "\r\u001b[K";

    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void WriteLine_NotATerminal_WritesTheLineAlone()
    {
        using (var sut = new Diagnostics(_error, _time, status: null))
        {
            sut.WriteLine("reddittop: r/x: not found (HTTP 404)");
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal("reddittop: r/x: not found (HTTP 404)\n", _error.ToString());
    }

    [Fact]
    public void StatusLine_QuickRun_IsNeverShown()
    {
        using (var sut = new Diagnostics(_error, _time, () => "status"))
        {
            _time.Advance(TimeSpan.FromMilliseconds(499));
            sut.Refresh();
        }

        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public void StatusLine_AfterHalfASecond_IsDrawnErasedForEachLineAndAtTheEnd()
    {
        var status = "status 1";
        using (var sut = new Diagnostics(_error, _time, () => status))
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));
            status = "status 2";
            sut.WriteLine("a line");
        }

        Assert.Equal($"{Erase}status 1{Erase}a line\n{Erase}status 2{Erase}", _error.ToString());
    }

    [Fact]
    public void Refresh_Shown_DrawsTheStatusAgainNow()
    {
        var status = "one";
        using var sut = new Diagnostics(_error, _time, () => status);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        status = "two";

        sut.Refresh();

        Assert.EndsWith($"{Erase}two", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLastLine_StatusShown_ErasesItFirstAndNeverDrawsItAgain()
    {
        using (var sut = new Diagnostics(_error, _time, () => "status"))
        {
            _time.Advance(TimeSpan.FromMilliseconds(500));

            sut.WriteLastLine("reddittop: interrupted: 0 of 1 subreddits printed");
            _time.Advance(TimeSpan.FromSeconds(5));
            sut.Refresh();
        }

        Assert.Equal($"{Erase}status{Erase}reddittop: interrupted: 0 of 1 subreddits printed\n", _error.ToString());
    }

    [Fact]
    public void WriteLastLine_BeforeTheStatusShows_WritesTheLineAloneAndTheStatusNeverComes()
    {
        using (var sut = new Diagnostics(_error, _time, () => "status"))
        {
            sut.WriteLastLine("reddittop: interrupted: 0 of 1 subreddits printed");
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal("reddittop: interrupted: 0 of 1 subreddits printed\n", _error.ToString());
    }
}

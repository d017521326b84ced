namespace RedditTop.Run;

/// <summary>
/// stderr for one run: whole lines (failures, <c>--verbose</c>, hints), from concurrent requests too, and, when stderr
/// is a terminal, one live status line that redraws itself and is erased before every other line and at the end.
/// The status line appears only once the run has taken half a second, so a quick run shows none, and is stopped before
/// the run's last line (<see cref="WriteLastLine"/>).
/// </summary>
internal sealed class Diagnostics : IDisposable
{
    private const string EraseLine = "\r\u001b[K";

    private readonly Lock _lock = new();
    private readonly TextWriter _error;
    private readonly Func<string>? _status;
    private readonly ITimer? _timer;
    private bool _shown;
    private bool _ended;

    /// <param name="error">stderr.</param>
    /// <param name="timeProvider">When to show and redraw the status line.</param>
    /// <param name="status">What the status line says; null when stderr is not a terminal (no status line at all).</param>
    public Diagnostics(TextWriter error, TimeProvider timeProvider, Func<string>? status)
    {
        _error = error;
        _status = status;
        if (status is not null)
        {
            _timer = timeProvider.CreateTimer(static state => ((Diagnostics)state!).Draw(whenShown: false), this, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Writes one whole line; the status line, if shown, is erased first and drawn again below it.</summary>
    public void WriteLine(string line)
    {
        lock (_lock)
        {
            _error.Write((_shown ? EraseLine : "") + line + "\n");
            if (_shown)
            {
                Draw();
            }

            _error.Flush();
        }
    }

    /// <summary>
    /// Writes the run's last line (<c>interrupted</c>, an output or token failure): the status line is stopped and
    /// erased first, and never drawn again, so the line is the last thing stderr shows.
    /// </summary>
    public void WriteLastLine(string line)
    {
        _timer?.Dispose();
        lock (_lock)
        {
            _error.Write((_shown ? EraseLine : "") + line + "\n");
            _error.Flush();
            _shown = false;
            _ended = true;
        }
    }

    /// <summary>Draws the status line again now (a subreddit was just done), if it is shown already.</summary>
    public void Refresh() => Draw(whenShown: true);

    /// <summary>Erases the status line for good: the run is over.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            if (_shown)
            {
                _error.Write(EraseLine);
                _error.Flush();
            }

            _shown = false;
            _ended = true;
        }
    }

    private void Draw(bool whenShown)
    {
        lock (_lock)
        {
            if (_status is null || _ended || (whenShown && !_shown))
            {
                return;
            }

            Draw();
            _error.Flush();
        }
    }

    private void Draw()
    {
        _error.Write(EraseLine + _status!());
        _shown = true;
    }
}

using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit.Http;

namespace RedditTop.Tests.Reddit.Http;

/// <summary>Reddit's rate budget kept between runs: one file per access and server, tolerant of damage and of two writers.</summary>
public sealed class BudgetFileTests : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly Uri Www = new("https://www.reddit.com/");
    private static readonly string Anonymous = BudgetFile.Key(null, Www);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-tests-");

    private string StateDirectory => Path.Combine(_root.FullName, "state", "reddittop");

    private DateTimeOffset Now => _time.GetUtcNow();

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Load_NoFileYet_IsUnknownWithoutWarning()
    {
        Assert.Null(CreateSut().Load(out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void Save_ThenLoad_GivesTheCountTheLearnedTimeAndTheResetASecondLater()
    {
        Assert.Null(CreateSut().Save(Learned(remaining: 37, resetIn: 412)));
        _time.Advance(TimeSpan.FromSeconds(12));

        var saved = CreateSut().Load(out var warning);

        Assert.Null(warning);
        Assert.Equal(new SavedBudget(Anonymous, 37, Now + TimeSpan.FromSeconds(401), Now - TimeSpan.FromSeconds(12)), saved);
    }

    [Fact]
    public void Save_WritesAPrivateFileNamedByAHashAndNoTemporaryFile()
    {
        var sut = CreateSut(BudgetFile.Key("my-client-id", new Uri("https://oauth.reddit.com/")));

        Assert.Null(sut.Save(Learned(remaining: 5, resetIn: 60)));

        var file = Assert.Single(Directory.GetFiles(StateDirectory));
        Assert.Equal(sut.FilePath, file);
        Assert.Matches("^budget-[0-9a-f]{16}\\.json$", Path.GetFileName(file));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Load_AnotherAccessOrServerSaved_IsUnknown()
    {
        CreateSut().Save(Learned(remaining: 0, resetIn: 60));

        Assert.Null(CreateSut(BudgetFile.Key("my-client-id", Www)).Load(out var app));
        Assert.Null(CreateSut(BudgetFile.Key(null, new Uri("http://127.0.0.1:5000/"))).Load(out var server));
        Assert.Null(CreateSut(BudgetFile.Key("other-client-id", Www)).Load(out var otherApp));
        Assert.Equal((null, null, null), (app, server, otherApp));
        Assert.Single(Directory.GetFiles(StateDirectory)); // nothing written by reading
    }

    [Fact]
    public void Load_AnotherKeyInsideTheFile_IsUnknownWithoutWarning()
    {
        var sut = CreateSut();
        WriteFile(sut, JsonSerializer.Serialize(new { key = "app other\nhttps://www.reddit.com/", remaining = 3, reset_at = Now.AddSeconds(60), learned_at = Now }));

        Assert.Null(sut.Load(out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void Load_WindowResetSince_GivesTheSavedBudgetWhoseResetHasPassed()
    {
        CreateSut().Save(Learned(remaining: 0, resetIn: 40));
        _time.Advance(TimeSpan.FromSeconds(41));

        var saved = CreateSut().Load(out _);

        Assert.NotNull(saved);
        Assert.True(saved.ResetAt <= Now);
        var budget = new RateBudget(_time);
        budget.Seed(saved);
        Assert.Null(budget.Remaining); // unknown: requests go as they would without a file
    }

    public static TheoryData<string, string> DamagedFiles => new()
    {
        { "{\"key\":", "not valid JSON" },
        { "[1,2,3]", "not valid JSON" },
        { "null", "not a reddittop rate budget file" },
        { "{}", "not a reddittop rate budget file" },
        { Json(remaining: "-1"), "not a reddittop rate budget file" },
        { Json(remaining: "1e300"), "not a reddittop rate budget file" },
        { Json(remaining: "\"7\""), "not valid JSON" },
        { Json(resetAt: "\"2026-11-27T08:12:00+00:00\""), "not a reddittop rate budget file" }, // a reset two hours away
        { Json(learnedAt: "\"2026-11-27T06:20:00+00:00\"", resetAt: "\"2026-11-27T06:25:00+00:00\""), "not a reddittop rate budget file" }, // learned in the future
        { Json(resetAt: "\"2026-11-27T06:00:00+00:00\""), "not a reddittop rate budget file" }, // a reset before it was learned
        { Json(resetAt: "\"yesterday\""), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(DamagedFiles))]
    public void Load_DamagedOrAbsurdFile_IsUnknownWithOneWarningNamingIt(string content, string problem)
    {
        var sut = CreateSut();
        WriteFile(sut, content);

        Assert.Null(sut.Load(out var warning));

        Assert.Equal($"reddittop: warning: ignoring unreadable rate budget file {sut.FilePath}: {problem}", warning);
    }

    [Fact]
    public void Load_FileTooLarge_IsUnknownWithAWarning()
    {
        var sut = CreateSut();
        WriteFile(sut, Json() + new string(' ', 10_000));

        Assert.Null(sut.Load(out var warning));
        Assert.Contains("it is larger than", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_OverADamagedFile_ReplacesIt()
    {
        var sut = CreateSut();
        WriteFile(sut, "{\"key\":");

        Assert.Null(sut.Save(Learned(remaining: 4, resetIn: 30)));

        Assert.Equal(4, sut.Load(out var warning)?.Remaining);
        Assert.Null(warning);
    }

    [Fact]
    public void Save_TwoRunsInTheSameWindow_KeepTheLowerCountAndTheLaterReset()
    {
        var first = CreateSut();
        var second = CreateSut();
        var resetAt = Now + TimeSpan.FromSeconds(300);

        second.Save(new SavedBudget("", 50, resetAt + TimeSpan.FromSeconds(0.5), Now));
        _time.Advance(TimeSpan.FromSeconds(3));
        first.Save(new SavedBudget("", 80, resetAt, Now)); // a run that started earlier, saving later

        var saved = first.Load(out _);
        Assert.Equal(50, saved?.Remaining);
        Assert.Equal(resetAt + TimeSpan.FromSeconds(1.5), saved?.ResetAt);
        Assert.Equal(Now, saved?.LearnedAt);
    }

    [Fact]
    public void Save_AnOlderWindowAfterANewerOne_KeepsTheNewerWindow()
    {
        var sut = CreateSut();
        sut.Save(Learned(remaining: 95, resetIn: 600)); // a new window another run learned
        sut.Save(Learned(remaining: 0, resetIn: 5)); // this run's, of the window before

        Assert.Equal(95, sut.Load(out _)?.Remaining);
    }

    [Fact]
    public void Save_ANewerWindowAfterAnOlderOne_KeepsTheNewerWindow()
    {
        var sut = CreateSut();
        sut.Save(Learned(remaining: 0, resetIn: 5));
        _time.Advance(TimeSpan.FromSeconds(4));
        sut.Save(Learned(remaining: 99, resetIn: 600));

        Assert.Equal(99, sut.Load(out _)?.Remaining);
    }

    [Fact]
    public async Task Save_ManyWritersAtOnce_NeverLeaveADamagedFileOrATemporaryOne()
    {
        var resetAt = Now + TimeSpan.FromSeconds(300);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(
            () =>
            {
                var sut = CreateSut();
                for (var i = 0; i < 50; i++)
                {
                    Assert.Null(sut.Save(new SavedBudget("", 100 - i, resetAt, Now)));
                    Assert.NotNull(sut.Load(out var warning));
                    Assert.Null(warning);
                }
            },
            TestContext.Current.CancellationToken)));

        var saved = CreateSut().Load(out var last);
        Assert.Null(last);
        Assert.Equal(51, saved!.Remaining); // whichever write came last, it kept the lowest count it read
        Assert.Single(Directory.GetFiles(StateDirectory));
    }

    private static string Json(string remaining = "7.0", string resetAt = "\"2026-11-27T06:13:00+00:00\"", string learnedAt = "\"2026-11-27T06:11:00+00:00\"") =>
        $"{{\"key\":\"anonymous\\nhttps://www.reddit.com/\",\"remaining\":{remaining},\"reset_at\":{resetAt},\"learned_at\":{learnedAt}}}";

    private SavedBudget Learned(double remaining, int resetIn) => new("", remaining, Now + TimeSpan.FromSeconds(resetIn), Now);

    private BudgetFile CreateSut(string? key = null) => new(StateDirectory, key ?? Anonymous, _time);

    private void WriteFile(BudgetFile sut, string content)
    {
        Directory.CreateDirectory(StateDirectory);
        File.WriteAllText(sut.FilePath, content);
    }
}

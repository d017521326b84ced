using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RedditTop.History;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.History;

/// <summary>The state kept between runs: what the previous run with the same arguments showed.</summary>
public sealed class SeenStoreTests : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly string PythonTop = SeenStore.Key(["python"], "top", "day");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-tests-");

    private string StateDirectory => Path.Combine(_root.FullName, "state", "reddittop");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Load_NoStateYet_IsAFirstRunWithoutWarning()
    {
        var sut = CreateSut();

        var seen = sut.Load(PythonTop, out var warning);

        Assert.True(seen.IsFirstRun);
        Assert.False(seen.WasSeen("1abc"));
        Assert.Null(warning);
    }

    [Fact]
    public void Load_AfterAnotherRunSaved_TellsSeenPostsFromNewOnes()
    {
        Assert.Null(CreateSut().Save(PythonTop, ["1abc", "1abd"]));

        var seen = CreateSut().Load(PythonTop, out var warning);

        Assert.Null(warning);
        Assert.False(seen.IsFirstRun);
        Assert.True(seen.WasSeen("1abc"));
        Assert.True(seen.WasSeen("1abd"));
        Assert.False(seen.WasSeen("1abe"));
        Assert.False(seen.WasSeen("1ABC")); // ids compare exactly
    }

    [Fact]
    public void Load_OtherArgumentsSaved_IsAFirstRun()
    {
        CreateSut().Save(SeenStore.Key(["python"], "top", "week"), ["1abc"]);

        var seen = CreateSut().Load(PythonTop, out var warning);

        Assert.True(seen.IsFirstRun);
        Assert.Null(warning);
    }

    [Fact]
    public void Save_Again_ReplacesTheSetOfThatKey()
    {
        var sut = CreateSut();
        sut.Save(PythonTop, ["1abc", "1abd"]);

        sut.Save(PythonTop, ["1abd", "1abe"]);
        var seen = sut.Load(PythonTop, out _);

        Assert.False(seen.WasSeen("1abc"));
        Assert.True(seen.WasSeen("1abd"));
        Assert.True(seen.WasSeen("1abe"));
    }

    [Fact]
    public void Save_NoIds_IsNotAFirstRunNextTime()
    {
        var sut = CreateSut();

        sut.Save(PythonTop, []);
        var seen = sut.Load(PythonTop, out var warning);

        Assert.False(seen.IsFirstRun);
        Assert.Equal(0, seen.Count);
        Assert.Null(warning);
    }

    [Fact]
    public void Save_WritesSavedAtAndIdsAsJson()
    {
        var sut = CreateSut();

        sut.Save(PythonTop, ["1abc", "", "1abd", "1abc"]);

        using var json = JsonDocument.Parse(File.ReadAllBytes(sut.FilePathFor(PythonTop)));
        Assert.Equal(_time.GetUtcNow(), json.RootElement.GetProperty("saved_at").GetDateTimeOffset());
        Assert.Equal(["1abc", "1abd"], json.RootElement.GetProperty("ids").EnumerateArray().Select(id => id.GetString()!)); // no blanks, no repeats
    }

    [Fact]
    public void Save_StateFile_IsTheFormatEarlierVersionsWroteAndRead()
    {
        var sut = CreateSut();

        sut.Save(PythonTop, ["1h2g3f4", "1h2g3f5"]);

        Assert.Equal("""{"saved_at":"2026-11-27T06:12:00+00:00","ids":["1h2g3f4","1h2g3f5"]}""", File.ReadAllText(sut.FilePathFor(PythonTop)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("""{"saved_at": "2026-11-27T06:12:00+00:00"}""")]
    [InlineData("""{"saved_at": "2026-11-27T06:12:00+00:00", "ids": null}""")]
    [InlineData("""{"saved_at": "2026-11-27T06:12:00+00:00", "ids": [1, 2]}""")]
    [InlineData("""{"saved_at": "2026-11-27T06:12:00+00:00", "ids": ["1abc", null]}""")]
    [InlineData("\u0000\u0001binary")]
    public void Load_DamagedFile_WarnsOnceNamingTheFileAndIsAFirstRun(string content)
    {
        var sut = CreateSut();
        sut.Save(PythonTop, ["1abc"]);
        File.WriteAllText(sut.FilePathFor(PythonTop), content);

        var seen = sut.Load(PythonTop, out var warning);

        Assert.True(seen.IsFirstRun);
        Assert.False(seen.WasSeen("1abc"));
        Assert.NotNull(warning);
        Assert.StartsWith("reddittop: warning: ignoring unreadable state file " + sut.FilePathFor(PythonTop), warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void Load_FileCannotBeRead_WarnsAndIsAFirstRun()
    {
        var sut = CreateSut();
        Directory.CreateDirectory(sut.FilePathFor(PythonTop)); // unreadable as a file, also for root

        var seen = sut.Load(PythonTop, out var warning);

        Assert.True(seen.IsFirstRun);
        Assert.StartsWith("reddittop: warning: ignoring unreadable state file ", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_FifoAtThePath_WarnsWithoutWaitingForAWriterAndIsAFirstRun()
    {
        var sut = CreateSut();
        Directory.CreateDirectory(StateDirectory);
        HostileFiles.MakeFifo(sut.FilePathFor(PythonTop));
        string? warning = null;

        var seen = await Task.Run(() => sut.Load(PythonTop, out warning)).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(seen.IsFirstRun);
        Assert.Equal($"reddittop: warning: ignoring unreadable state file {sut.FilePathFor(PythonTop)}: it is not a regular file", warning);
    }

    [Fact]
    public void Load_OwnFolderOpenToOthers_ReadsTheStateAndMakesTheFolderOwnerOnly()
    {
        CreateSut().Save(PythonTop, ["1abc"]);
        File.SetUnixFileMode(StateDirectory, (UnixFileMode)0b111_111_111);

        var seen = CreateSut().Load(PythonTop, out var warning);

        Assert.Null(warning);
        Assert.True(seen.WasSeen("1abc"));
        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(StateDirectory));
    }

    [Fact]
    public void LoadAndSave_FolderOfAnotherUser_NeitherReadNorWrittenAndOneWarning()
    {
        var planted = Path.Combine(_root.FullName, "planted");
        new SeenStore(planted, _time).Save(PythonTop, ["1abc"]);
        var foreign = HostileFiles.ForeignFolder(StateDirectory);
        var sut = new SeenStore(foreign, _time);
        if (foreign == StateDirectory)
        {
            File.Copy(Directory.GetFiles(planted).Single(), sut.FilePathFor(PythonTop)); // as root: a state the folder's owner put there
        }

        var seen = sut.Load(PythonTop, out var loadWarning);
        var saveWarning = sut.Save(PythonTop, ["1abd"]);

        Assert.True(seen.IsFirstRun);
        Assert.Equal($"reddittop: warning: ignoring the state folder {foreign}: it belongs to another user", loadWarning);
        Assert.Null(saveWarning); // said once
        Assert.DoesNotContain(Directory.GetFiles(foreign, "seen-*"), f => File.ReadAllText(f).Contains("1abd", StringComparison.Ordinal));
    }

    [Fact]
    public void Save_FolderOfAnotherUserNotLoadedBefore_WarnsOnce()
    {
        var sut = new SeenStore(HostileFiles.ForeignFolder(StateDirectory), _time);

        var first = sut.Save(PythonTop, ["1abc"]);
        var second = sut.Save(PythonTop, ["1abc"]);

        Assert.StartsWith("reddittop: warning: ignoring the state folder ", first, StringComparison.Ordinal);
        Assert.Null(second);
    }

    [Fact]
    public void Load_DamagedFileThenSave_WorksAgain()
    {
        var sut = CreateSut();
        sut.Save(PythonTop, ["1abc"]);
        File.WriteAllText(sut.FilePathFor(PythonTop), "{");
        sut.Load(PythonTop, out _);

        sut.Save(PythonTop, ["1abd"]);
        var seen = sut.Load(PythonTop, out var warning);

        Assert.Null(warning);
        Assert.True(seen.WasSeen("1abd"));
    }

    [Fact]
    public void Save_DirectoryAndFile_ArePrivate()
    {
        Directory.CreateDirectory(StateDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var sut = CreateSut();

        sut.Save(PythonTop, ["1abc"]);

        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(StateDirectory)); // also when it was there before
        Assert.Equal(PrivateFile, File.GetUnixFileMode(sut.FilePathFor(PythonTop)));
    }

    [Fact]
    public void Save_NewDirectory_IsCreatedPrivate()
    {
        var sut = CreateSut();

        sut.Save(PythonTop, ["1abc"]);

        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(StateDirectory));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(StateDirectory))));
    }

    [Fact]
    public void Save_Done_LeavesOnlyTheStateFileNamedWithoutTheSubreddit()
    {
        var sut = CreateSut();

        sut.Save(PythonTop, ["1abc"]);
        sut.Save(PythonTop, ["1abd"]);

        var file = Assert.Single(Directory.GetFiles(StateDirectory));
        Assert.Equal(sut.FilePathFor(PythonTop), file);
        Assert.DoesNotContain("python", file, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^seen-[0-9a-f]{16}\\.json$", Path.GetFileName(file));
    }

    [Fact]
    public void Save_DirectoryCannotBeCreated_ReturnsAWarningInsteadOfThrowing()
    {
        var blocker = Path.Combine(_root.FullName, "state");
        File.WriteAllText(blocker, "a file where the directory should be");
        var sut = CreateSut();

        var warning = sut.Save(PythonTop, ["1abc"]);

        Assert.NotNull(warning);
        Assert.StartsWith("reddittop: warning: cannot save state file ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
        Assert.True(sut.Load(PythonTop, out _).IsFirstRun);
    }

    [Fact]
    public async Task Save_TwentyRunsAtOnce_LeaveOneWholeSetAndNoTemporaryFiles()
    {
        var sets = Enumerable.Range(0, 20)
            .Select(run => Enumerable.Range(0, 500).Select(n => $"r{run}p{n}").ToArray())
            .ToArray();
        using var start = new Barrier(sets.Length);

        // A thread of its own for each run (the pool would start them one by one), released together.
        var warnings = await Task.WhenAll(sets.Select(set => Task.Factory.StartNew(
            () =>
            {
                var sut = CreateSut(); // one store per run, as separate processes would have
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                return sut.Save(PythonTop, set);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        Assert.All(warnings, warning => Assert.Null(warning));
        var file = Assert.Single(Directory.GetFiles(StateDirectory));
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var ids = json.RootElement.GetProperty("ids").EnumerateArray().Select(id => id.GetString()!).ToArray();
        Assert.Contains(sets, set => set.SequenceEqual(ids));
        Assert.Equal(PrivateFile, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Save_MoreThanTenThousandIds_KeepsThemAll()
    {
        // 15 subreddits at :1000 show 15,000 posts; the next run must know every one of them.
        var sut = CreateSut();
        var ids = Enumerable.Range(0, 15_000).Select(n => $"p{n}").ToList();

        sut.Save(PythonTop, ids);
        var seen = sut.Load(PythonTop, out var warning);

        Assert.Null(warning);
        Assert.Equal(15_000, seen.Count);
        Assert.True(seen.WasSeen("p0"));
        Assert.True(seen.WasSeen("p14999"));
    }

    [Fact]
    public void Load_FileWithMoreThanTenThousandIds_ReadsThemAll()
    {
        var sut = CreateSut();
        sut.Save(PythonTop, ["p0"]);
        var ids = string.Join(',', Enumerable.Range(0, 12_000).Select(n => $"\"p{n}\""));
        File.WriteAllText(sut.FilePathFor(PythonTop), $$"""{"saved_at": "2026-11-27T06:12:00+00:00", "ids": [{{ids}}]}""");

        var seen = sut.Load(PythonTop, out var warning);

        Assert.Null(warning);
        Assert.Equal(12_000, seen.Count);
        Assert.True(seen.WasSeen("p11999"));
    }

    [Fact]
    public void Save_StateFilesUnusedForThirtyDays_AreDeletedAndOthersKept()
    {
        var sut = CreateSut();
        var old = SeenStore.Key(["old"], "top", "day");
        var recent = SeenStore.Key(["recent"], "top", "day");
        sut.Save(old, ["1abc"]);
        sut.Save(recent, ["1abd"]);
        var now = _time.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(sut.FilePathFor(old), now - SeenStore.MaxAge - TimeSpan.FromMinutes(1));
        File.SetLastWriteTimeUtc(sut.FilePathFor(recent), now - SeenStore.MaxAge + TimeSpan.FromMinutes(1));
        var leftTemporary = sut.FilePathFor(old) + ".4242.0a1b2c3d4e5f.tmp"; // from a run killed while saving
        File.WriteAllText(leftTemporary, "{");
        File.SetLastWriteTimeUtc(leftTemporary, now - TimeSpan.FromDays(40));
        var someoneElses = Path.Combine(StateDirectory, "notes.txt");
        File.WriteAllText(someoneElses, "not reddittop's");
        File.SetLastWriteTimeUtc(someoneElses, now - TimeSpan.FromDays(400));

        sut.Save(PythonTop, ["1abe"]);

        Assert.False(File.Exists(sut.FilePathFor(old)));
        Assert.False(File.Exists(leftTemporary));
        Assert.True(File.Exists(sut.FilePathFor(recent)));
        Assert.True(File.Exists(sut.FilePathFor(PythonTop)));
        Assert.True(File.Exists(someoneElses));
        Assert.True(sut.Load(recent, out _).WasSeen("1abd"));
    }

    [Fact]
    public void Save_OwnStateOld_IsReplacedNotDeleted()
    {
        var sut = CreateSut();
        sut.Save(PythonTop, ["1abc"]);
        File.SetLastWriteTimeUtc(sut.FilePathFor(PythonTop), _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(90));

        sut.Save(PythonTop, ["1abd"]);

        Assert.True(sut.Load(PythonTop, out _).WasSeen("1abd"));
    }

    [Fact]
    public void Key_SameArgumentsInAnotherCaseOrOrder_IsTheSame()
    {
        var key = SeenStore.Key(["python", "rust+golang"], "top", "week");

        Assert.Equal(key, SeenStore.Key(["python", "rust+golang"], "top", "week"));
        Assert.Equal(key, SeenStore.Key(["Golang+Rust", "PYTHON"], "Top", "WEEK"));
        Assert.Equal(key, SeenStore.Key(["python", "rust+golang", "python"], "top", "week"));
    }

    [Fact]
    public void Key_NamesAndMultireddits_IsTheTextEarlierRunsSavedUnder()
    {
        // The file's name is a hash of this text: another text for the same arguments would lose the previous run's state.
        var key = SeenStore.Key([" Python ", "rust+Golang+rust", "python", "AskReddit"], "top", "week", new Uri("http://127.0.0.1:8080"));

        Assert.Equal("server http://127.0.0.1:8080/\nsort top\ntime week\nsubreddits askreddit golang+rust python", key);
    }

    [Theory]
    [InlineData(new[] { "python" }, "top", "week", null)]
    [InlineData(new[] { "rust" }, "top", "day", null)]
    [InlineData(new[] { "python", "rust" }, "top", "day", null)]
    [InlineData(new[] { "python+rust" }, "top", "day", null)]
    [InlineData(new[] { "python" }, "new", "day", null)]
    [InlineData(new[] { "python" }, "top", null, null)]
    [InlineData(new[] { "python" }, "top", "day", "http://127.0.0.1:5000/")]
    public void Key_OtherSubredditsSortTimeOrServer_IsAnotherKeyAndFile(string[] subreddits, string sort, string? time, string? server)
    {
        var sut = CreateSut();

        var key = SeenStore.Key(subreddits, sort, time, server is null ? null : new Uri(server));

        Assert.NotEqual(PythonTop, key);
        Assert.NotEqual(sut.FilePathFor(PythonTop), sut.FilePathFor(key));
    }

    [Theory]
    [InlineData("/xdg/state", "/home/u", "/xdg/state/reddittop")]
    [InlineData(null, "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData("", "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData("relative/state", "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData(null, null, null)]
    [InlineData(null, "", null)]
    public void DirectoryFrom_Environment_FollowsTheXdgBaseDirectories(string? xdgStateHome, string? home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = xdgStateHome, ["HOME"] = home };

        var directory = SeenStore.DirectoryFrom(name => variables.GetValueOrDefault(name));

        Assert.Equal(expected, directory);
    }

    private SeenStore CreateSut() => new(StateDirectory, _time);
}

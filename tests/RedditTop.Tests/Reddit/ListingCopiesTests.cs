using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Reddit;

/// <summary>The local copies of listings (<c>--max-age</c>): what is found again, when, under which key, and how the folder stays small.</summary>
public sealed class ListingCopiesTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Only for a read that would otherwise wait for ever: the test fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Uri BaseUrl = new("https://reddit.test/");

    private static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    private static readonly RedditClientOptions Options = new() { MaxAge = TimeSpan.FromSeconds(60) };

    private static readonly SubredditQuery Python = new("python", 2);

    private static readonly IReadOnlyList<Post> Posts =
    [
        new("Café 🐍 & <friends>", 1520, "https://i.example.com/a.jpg", Id: "abc", Permalink: "/r/python/comments/abc/cafe/",
            Subreddit: "python", CreatedUtc: 1700000000.5, Author: "me", NumComments: 42, Domain: "i.example.com", Flair: "OC"),
        new("\u001b[31mred\u001b[0m \"quoted\"", -2, "https://example.com/b", Id: "def", Over18: true, Stickied: true, CreatedUtc: double.NaN),
    ];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-listings-");
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<string> _warnings = [];

    public void Dispose() => _root.Delete(recursive: true);

    private string Folder => Path.Combine(_root.FullName, "reddittop", "listings");

    [Fact]
    public void Find_SavedLessThanMaxAgeAgo_GivesTheSamePostsAsACopyWithTheirOriginalTime()
    {
        CreateSut().Save(SubredditResult.Success(Python, Posts, Start));
        _time.Advance(TimeSpan.FromSeconds(59));

        var found = CreateSut().Find(new SubredditQuery("Python", 2)); // the name's case does not matter

        Assert.NotNull(found);
        Assert.Equal(Posts, found.Posts);
        Assert.Equal(Start, found.FetchedAt);
        Assert.True(found.Cached);
        Assert.Equal("Python", found.Query.Name); // printed as typed this time
        Assert.Empty(_warnings);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(61)]
    [InlineData(86_400 * 2)]
    public void Find_SavedMaxAgeOrLongerAgo_GivesNothing(int seconds)
    {
        CreateSut().Save(SubredditResult.Success(Python, Posts, Start));
        _time.Advance(TimeSpan.FromSeconds(seconds));

        Assert.Null(CreateSut().Find(Python));
    }

    [Fact]
    public void Find_NothingSaved_GivesNothingAndMakesNoFolder()
    {
        Assert.Null(CreateSut().Find(Python));
        Assert.False(Directory.Exists(Folder));
    }

    public static TheoryData<string> OtherQueries() => ["sort", "time", "count", "name", "base url", "filter", "filter's domain"];

    [Theory]
    [MemberData(nameof(OtherQueries))]
    public void Find_AnotherQuery_GivesNothing(string difference)
    {
        var options = Options with { Filter = new PostFilter(Domains: ["youtube.com"]) };
        CreateSut(options).Save(SubredditResult.Success(Python, Posts, Start));

        var (sut, query) = difference switch
        {
            "sort" => (CreateSut(options with { Sort = ListingSort.Hot }), Python),
            "time" => (CreateSut(options with { Time = TimeWindow.Week }), Python),
            "count" => (CreateSut(options), Python with { Count = 3 }),
            "name" => (CreateSut(options), Python with { Name = "rust" }),
            "base url" => (CreateSut(options, new Uri("https://other.test/")), Python),
            "filter" => (CreateSut(options with { Filter = new PostFilter(MinScore: 1, Domains: ["youtube.com"]) }), Python),
            _ => (CreateSut(options with { Filter = new PostFilter(Domains: ["vimeo.com"]) }), Python),
        };

        Assert.Null(sut.Find(query));
        Assert.NotNull(CreateSut(options).Find(Python));
    }

    [Fact]
    public void Find_SameFiltersTypedOtherwise_GivesTheCopy()
    {
        CreateSut(Options with { Filter = new PostFilter(Domains: ["youtube.com", "vimeo.com"], Flair: "OC") }).Save(SubredditResult.Success(Python, Posts, Start));

        var sut = CreateSut(Options with { Filter = new PostFilter(Domains: ["Vimeo.com", "www.youtube.com", " "], Flair: "oc") });

        Assert.NotNull(sut.Find(Python));
    }

    [Fact]
    public void Find_SortWithoutTime_IgnoresTheTimeWindow()
    {
        CreateSut(Options with { Sort = ListingSort.New, Time = TimeWindow.Day }).Save(SubredditResult.Success(Python, Posts, Start));

        Assert.NotNull(CreateSut(Options with { Sort = ListingSort.New, Time = TimeWindow.Year }).Find(Python));
    }

    public static TheoryData<string> DamagedCopies() =>
    [
        "not json",
        "{}",
        "null",
        """{"key":"another key","fetched_at":"2026-11-27T06:12:00+00:00","posts":[]}""",
        """{"key":"KEY","fetched_at":"2026-11-27T06:13:00+00:00","posts":[]}""", // fetched in the future
        """{"key":"KEY","fetched_at":"2026-11-27T06:12:00+00:00","posts":[{"title":"a","score":1,"url":"u"},{"title":"b","score":1,"url":"u"},{"title":"c","score":1,"url":"u"}]}""",
        """{"key":"KEY","fetched_at":"2026-11-27T06:12:00+00:00","posts":[null]}""",
        """{"key":"KEY","fetched_at":"2026-11-27T06:12:00+00:00","posts":[{"score":1,"url":"u"}]}""",
        """{"key":"KEY","fetched_at":"2026-11-27T06:12:00+00:00","posts":[{"title":null,"score":1,"url":"u"}]}""",
        """{"key":"KEY","fetched_at":"2026-11-27T06:12:00+00:00","posts":null}""",
        """{"key":"KEY","fetched_at":"yesterday","posts":[]}""",
    ];

    [Theory]
    [MemberData(nameof(DamagedCopies))]
    public void Find_DamagedOrAbsurdCopy_GivesNothing(string content)
    {
        var sut = CreateSut();
        Directory.CreateDirectory(Folder);
        File.WriteAllText(sut.PathFor(Python), content.Replace("KEY", JsonEscaped(sut.KeyFor(Python)), StringComparison.Ordinal));

        Assert.Null(sut.Find(Python));
    }

    [Fact]
    public void Find_ACopyAsItIsWritten_IsFound()
    {
        // The damaged copies above differ from a good one only where they say.
        var sut = CreateSut();
        Directory.CreateDirectory(Folder);
        File.WriteAllText(sut.PathFor(Python), $$"""{"key":"{{JsonEscaped(sut.KeyFor(Python))}}","fetched_at":"2026-11-27T06:12:00+00:00","posts":[{"title":"a","score":1,"url":"u"}]}""");

        Assert.Equal([new Post("a", 1, "u")], sut.Find(Python)?.Posts);
    }

    [Fact]
    public async Task Find_FifoOrLinkAtThePath_GivesNothingWithoutWaiting()
    {
        var sut = CreateSut();
        sut.Save(SubredditResult.Success(Python, Posts, Start));
        var target = Path.Combine(_root.FullName, "elsewhere.json");
        File.Move(sut.PathFor(Python), target);
        File.CreateSymbolicLink(sut.PathFor(Python), target);

        Assert.Null(sut.Find(Python));

        HostileFiles.MakeFifo(sut.PathFor(Python));
        Assert.Null(await Task.Run(() => sut.Find(Python), TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Find_FolderOfAnotherUser_GivesNothingAndSaysSoOnce()
    {
        var folder = HostileFiles.ForeignFolder(Folder);
        var sut = new ListingCopies(folder, BaseUrl, Options, _time, _warnings.Add);

        Assert.Null(sut.Find(Python));
        sut.Save(SubredditResult.Success(Python, Posts, Start));

        Assert.Equal([$"reddittop: warning: ignoring the listing cache {folder}: it belongs to another user"], _warnings);
    }

    [Fact]
    public void Save_Success_IsOneOwnerOnlyFileInAnOwnerOnlyFolder()
    {
        CreateSut().Save(SubredditResult.Success(Python, Posts, Start));

        var file = Assert.Single(Directory.GetFiles(Folder));
        Assert.Equal(CreateSut().PathFor(Python), file);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Folder));
        Assert.DoesNotContain("python", Path.GetFileName(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Save_FailureCopyOrUnknownTime_WritesNothing()
    {
        var sut = CreateSut();

        sut.Save(SubredditResult.Fail(Python, new global::RedditTop.Reddit.Failures.FetchFailure(global::RedditTop.Reddit.Failures.FailureKind.NotFound, 404)));
        sut.Save(SubredditResult.Success(Python, Posts, Start, cached: true));
        sut.Save(SubredditResult.Success(Python, Posts));

        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void Save_TooLargeACopy_WritesNothing()
    {
        var huge = Enumerable.Range(0, 1000).Select(i => new Post(new string('x', 8192), i, "https://example.com/" + new string('y', 8192))).ToList();

        CreateSut().Save(SubredditResult.Success(Python with { Count = 1000 }, huge, Start));

        Assert.Empty(Directory.Exists(Folder) ? Directory.GetFiles(Folder) : []);
    }

    [Fact]
    public void Prune_AfterASave_DeletesCopiesAndTemporaryFilesOlderThanADay()
    {
        Directory.CreateDirectory(Folder);
        var old = Plant("00000000000000aa.json", Start - TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        var oldTemporary = Plant("00000000000000aa.json.123.abc.tmp", Start - TimeSpan.FromDays(2));
        var recent = Plant("00000000000000bb.json", Start - TimeSpan.FromHours(23));
        var other = Plant("notes.txt", Start - TimeSpan.FromDays(30));
        var sut = CreateSut();
        sut.Save(SubredditResult.Success(Python, Posts, Start));

        sut.Prune();

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldTemporary));
        Assert.True(File.Exists(recent));
        Assert.True(File.Exists(other)); // not a copy: not this store's to delete
        Assert.True(File.Exists(sut.PathFor(Python)));
    }

    [Fact]
    public void Prune_NothingSaved_DeletesNothing()
    {
        Directory.CreateDirectory(Folder);
        var old = Plant("00000000000000aa.json", Start - TimeSpan.FromDays(3));

        CreateSut().Prune();

        Assert.True(File.Exists(old));
    }

    [Fact]
    public void Prune_MoreThanMaxFiles_KeepsTheNewest()
    {
        Directory.CreateDirectory(Folder);
        var planted = Enumerable.Range(0, ListingCopies.MaxFiles + 5)
            .Select(i => Plant($"{i:x16}.json", Start - TimeSpan.FromMinutes(i + 1)))
            .ToList();
        var sut = CreateSut();
        sut.Save(SubredditResult.Success(Python, Posts, Start));
        File.SetLastWriteTimeUtc(sut.PathFor(Python), Start.UtcDateTime);

        sut.Prune();

        Assert.Equal(ListingCopies.MaxFiles, Directory.GetFiles(Folder).Length);
        Assert.True(File.Exists(sut.PathFor(Python)));
        Assert.All(planted[..(ListingCopies.MaxFiles - 1)], file => Assert.True(File.Exists(file)));
        Assert.All(planted[(ListingCopies.MaxFiles - 1)..], file => Assert.False(File.Exists(file)));
    }

    [Fact]
    public void Prune_MoreThanMaxFolderBytes_DeletesTheOldestUntilUnder()
    {
        Directory.CreateDirectory(Folder);
        var size = ListingCopies.MaxBytes; // 8 MiB each: eight fill the 64 MiB
        var planted = Enumerable.Range(0, 9).Select(i => Plant($"{i:x16}.json", Start - TimeSpan.FromMinutes(i + 1), size)).ToList();
        var sut = CreateSut();
        sut.Save(SubredditResult.Success(Python, Posts, Start));
        File.SetLastWriteTimeUtc(sut.PathFor(Python), Start.UtcDateTime);

        sut.Prune();

        Assert.True(File.Exists(sut.PathFor(Python)));
        Assert.All(planted[..7], file => Assert.True(File.Exists(file)));
        Assert.All(planted[7..], file => Assert.False(File.Exists(file)));
    }

    private ListingCopies CreateSut(RedditClientOptions? options = null, Uri? baseUrl = null) =>
        new(Folder, baseUrl ?? BaseUrl, options ?? Options, _time, _warnings.Add);

    private string Plant(string name, DateTimeOffset written, int bytes = 2)
    {
        var path = Path.Combine(Folder, name);
        using (var stream = File.Create(path))
        {
            stream.SetLength(bytes);
        }

        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return path;
    }

    private static string JsonEscaped(string text) =>
        System.Text.Json.JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}

using RedditTop.Reddit.Auth;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Reddit.Auth;

/// <summary>The token file kept between runs: what is read from it, and when it is not trusted.</summary>
public sealed class TokenCacheTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Only for a read that would otherwise wait for ever: the test fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Uri TokenUrl = new("https://reddit.test/api/v1/access_token");

    private static readonly CachedToken Token = new("tok-CCCC-3333", new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero), "device-1");

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-token-cache-");
    private readonly List<string> _warnings = [];

    public void Dispose() => _root.Delete(recursive: true);

    private string CacheDirectory => Path.Combine(_root.FullName, "reddittop");

    [Fact]
    public void Read_AfterWrite_GivesTheTokenBackWithoutWarning()
    {
        CreateSut().Write(Token);

        Assert.Equal(Token, CreateSut().Read());
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Read_FifoAtThePath_NoTokenWithoutWaitingForAWriter()
    {
        var sut = CreateSut();
        Directory.CreateDirectory(CacheDirectory);
        HostileFiles.MakeFifo(sut.FilePath);

        var token = await Task.Run(sut.Read).WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Null(token);
        Assert.Empty(_warnings); // as a damaged file: the run asks for a new token
    }

    [Fact]
    public void Read_OwnFolderOpenToOthers_ReadsTheTokenAndMakesTheFolderOwnerOnly()
    {
        CreateSut().Write(Token);
        File.SetUnixFileMode(CacheDirectory, (UnixFileMode)0b111_111_111);

        var token = CreateSut().Read();

        Assert.Equal(Token, token);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(CacheDirectory));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void ReadAndWrite_FolderOfAnotherUser_NeitherReadNorWrittenAndOneWarning()
    {
        var foreign = HostileFiles.ForeignFolder(CacheDirectory);
        if (foreign == CacheDirectory)
        {
            // As root: a token the folder's owner put there (made in a folder of the test's own).
            var planter = CreateSut(Path.Combine(_root.FullName, "own"));
            planter.Write(Token with { AccessToken = "tok-PLANTED" });
            File.Copy(planter.FilePath, CreateSut(foreign).FilePath);
        }

        var sut = CreateSut(foreign);

        Assert.Null(sut.Read());
        sut.Write(Token);
        Assert.Null(sut.Read());

        Assert.Equal([$"reddittop: warning: ignoring the token cache {foreign}: it belongs to another user"], _warnings);
        Assert.DoesNotContain(Directory.GetFiles(foreign, "token-*"), f => File.ReadAllText(f).Contains(Token.AccessToken!, StringComparison.Ordinal));
    }

    private TokenCache CreateSut(string? directory = null) => new(directory ?? CacheDirectory, "app-id", TokenUrl, _warnings.Add);
}

using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class PrivateFileTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reddittop-private-");

    public void Dispose() => _root.Delete(recursive: true);

    private string CacheDirectory => Path.Combine(_root.FullName, "cache");

    private string FilePath => Path.Combine(CacheDirectory, "token.json");

    [Fact]
    public void NameFor_Key_SixteenHexDigitsTheSameInEveryRunAndNothingOfTheKey()
    {
        var name = PrivateFile.NameFor("my-client-id\nhttps://www.reddit.com/api/v1/access_token");

        Assert.Equal("e3cfcfa098f842d0", name); // a file written by an earlier run is found again
        Assert.NotEqual(name, PrivateFile.NameFor("my-client-id\nhttps://www.reddit.com/api/v1/access_token "));
    }

    [Fact]
    public void Read_SymbolicLink_RefusedWithoutReadingItsTarget()
    {
        var elsewhere = Path.Combine(_root.FullName, "elsewhere.json");
        File.WriteAllText(elsewhere, "{}");
        Directory.CreateDirectory(CacheDirectory);
        File.CreateSymbolicLink(FilePath, elsewhere);

        var e = Assert.Throws<IOException>(() => PrivateFile.Read(FilePath, 1024));

        Assert.Equal("it is a symbolic link", e.Message);
    }

    [Fact]
    public void Read_MoreThanTheCap_Refused()
    {
        Directory.CreateDirectory(CacheDirectory);
        File.WriteAllText(FilePath, new string('x', 1025));

        var e = Assert.Throws<IOException>(() => PrivateFile.Read(FilePath, 1024));

        Assert.Equal("it is larger than 1 KiB", e.Message);
        Assert.Equal(1024, PrivateFile.Read(FilePath, 2048).Length - 1);
    }

    [Fact]
    public void Read_NoFile_ThrowsFileNotFound()
    {
        Directory.CreateDirectory(CacheDirectory);

        Assert.Throws<FileNotFoundException>(() => PrivateFile.Read(FilePath, 1024));
    }
}

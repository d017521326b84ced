using RedditTop.Reddit;
using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class PrivateFileTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

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
    public void WriteAtomically_NewFile_IsOwnerOnlyInAnOwnerOnlyDirectoryWithNoTemporaryLeft()
    {
        PrivateFile.WriteAtomically(CacheDirectory, FilePath, stream => stream.Write("{}"u8));

        Assert.Equal("{}", File.ReadAllText(FilePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(FilePath));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(CacheDirectory));
        Assert.Equal([FilePath], Directory.GetFileSystemEntries(CacheDirectory));
    }

    [Fact]
    public void WriteAtomically_SymbolicLinkPlantedAtThePath_ReplacesTheLinkAndLeavesItsTargetAlone()
    {
        var victim = Path.Combine(_root.FullName, "victim");
        File.WriteAllText(victim, "precious");
        File.SetUnixFileMode(victim, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Directory.CreateDirectory(CacheDirectory);
        File.CreateSymbolicLink(FilePath, victim);

        PrivateFile.WriteAtomically(CacheDirectory, FilePath, stream => stream.Write("{}"u8));

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal(OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(victim));
        Assert.Null(new FileInfo(FilePath).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(FilePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(FilePath));
    }

    [Fact]
    public void WriteAtomically_WriterFails_LeavesTheOldFileWholeAndNoTemporary()
    {
        PrivateFile.WriteAtomically(CacheDirectory, FilePath, stream => stream.Write("old"u8));

        Assert.Throws<IOException>(() => PrivateFile.WriteAtomically(CacheDirectory, FilePath, stream =>
        {
            stream.Write("half of the n"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(FilePath));
        Assert.Equal([FilePath], Directory.GetFileSystemEntries(CacheDirectory));
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

using RedditTop.Storage;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Storage;

public sealed class PrivateFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Only for a read that would otherwise wait for ever: the test fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

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

    [Fact]
    public void ReadIfPresent_NoFileOrNoFolder_IsNullAndAFileIsRead()
    {
        Assert.Null(PrivateFile.ReadIfPresent(FilePath, 1024)); // no folder either
        Directory.CreateDirectory(CacheDirectory);
        Assert.Null(PrivateFile.ReadIfPresent(FilePath, 1024));
        File.WriteAllText(FilePath, "{}");

        Assert.Equal("{}"u8.ToArray(), PrivateFile.ReadIfPresent(FilePath, 1024));
    }

    [Fact]
    public void ReadIfPresent_ADanglingSymbolicLink_IsNotNothingButRefused()
    {
        Directory.CreateDirectory(CacheDirectory);
        File.CreateSymbolicLink(FilePath, Path.Combine(CacheDirectory, "nowhere"));

        Assert.Equal("it is a symbolic link", Assert.Throws<IOException>(() => PrivateFile.ReadIfPresent(FilePath, 1024)).Message);
    }

    [Fact]
    public async Task Read_Fifo_RefusedWithoutWaitingForAWriter()
    {
        Directory.CreateDirectory(CacheDirectory);
        HostileFiles.MakeFifo(FilePath);

        var e = await Assert.ThrowsAsync<IOException>(() => Task.Run(() => PrivateFile.Read(FilePath, 1024)).WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.Equal("it is not a regular file", e.Message);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    [InlineData("/tmp")]
    public void Read_DeviceOrFolder_Refused(string path)
    {
        var e = Assert.Throws<IOException>(() => PrivateFile.Read(path, 1024));

        Assert.Equal("it is not a regular file", e.Message);
    }

    [Fact]
    public async Task Open_FifoInPlaceOfTheFileLookedAt_RefusedWithoutWaitingForAWriter()
    {
        // What Read does once it has looked, when a FIFO took the file's place in between.
        Directory.CreateDirectory(CacheDirectory);
        HostileFiles.MakeFifo(FilePath);

        var e = await Assert.ThrowsAsync<IOException>(() => Task.Run(() => PrivateFile.Open(FilePath)).WaitAsync(Patience, TestContext.Current.CancellationToken));

        Assert.Equal("it is not a regular file", e.Message);
    }

    [Fact]
    public void Open_SymbolicLinkInPlaceOfTheFileLookedAt_Refused()
    {
        var elsewhere = Path.Combine(_root.FullName, "elsewhere.json");
        File.WriteAllText(elsewhere, "{}");
        Directory.CreateDirectory(CacheDirectory);
        File.CreateSymbolicLink(FilePath, elsewhere);

        var e = Assert.Throws<IOException>(() => PrivateFile.Open(FilePath));

        Assert.Equal("it is a symbolic link", e.Message);
    }

    [Fact]
    public void Open_RegularFile_ReadsIt()
    {
        Directory.CreateDirectory(CacheDirectory);
        File.WriteAllText(FilePath, "{}");

        using var stream = PrivateFile.Open(FilePath);

        Assert.Equal("{}", new StreamReader(stream).ReadToEnd());
        Assert.Throws<FileNotFoundException>(() => PrivateFile.Open(FilePath + ".none"));
    }

    [Fact]
    public void TryClaimFolder_OwnFolderOpenToOthers_MadeOwnerOnly()
    {
        Directory.CreateDirectory(CacheDirectory);
        File.SetUnixFileMode(CacheDirectory, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        Assert.True(PrivateFile.TryClaimFolder(CacheDirectory));

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(CacheDirectory));
    }

    [Fact]
    public void TryClaimFolder_NoFolderYet_True()
    {
        Assert.True(PrivateFile.TryClaimFolder(CacheDirectory));

        Assert.False(Directory.Exists(CacheDirectory));
    }

    [Fact]
    public void TryClaimFolder_FolderOfAnotherUser_FalseAndLeftAsItWas()
    {
        var foreign = HostileFiles.ForeignFolder(CacheDirectory);
        var mode = File.GetUnixFileMode(foreign);

        Assert.False(PrivateFile.TryClaimFolder(foreign));

        Assert.Equal(mode, File.GetUnixFileMode(foreign));
    }
}

using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-atomic-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string PrivateDirectory => Path.Combine(_folder.FullName, "cache");

    private string PrivatePath => Path.Combine(PrivateDirectory, "token.json");

    [Fact]
    public async Task CommitAsync_Written_ReplacesTheFileWholeAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n", TestContext.Current.CancellationToken);

        await using (var sut = AtomicFile.Create(path))
        {
            await sut.Writer.WriteAsync("first block\n");
            Assert.Equal("previous run\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)); // nothing shows before the commit
            await sut.Writer.WriteAsync("second block\n");
            await sut.CommitAsync();
        }

        Assert.Equal("first block\nsecond block\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["top.txt"], _folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task Create_Output_WritesAHiddenTemporaryFileBesideTheFile()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");

        await using var sut = AtomicFile.Create(path);

        var temporary = Assert.Single(_folder.GetFiles()).Name;
        Assert.Matches(@"^\.top\.txt\.[0-9]+\.[0-9a-f]{16}\.tmp$", temporary);
    }

    [Fact]
    public async Task DisposeAsync_NotCommitted_LeavesThePreviousFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n", TestContext.Current.CancellationToken);

        await using (var sut = AtomicFile.Create(path))
        {
            await sut.Writer.WriteAsync("half a run");
        }

        Assert.Equal("previous run\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(["top.txt"], _folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Create_FolderMissing_ThrowsAnIOException() =>
        Assert.ThrowsAny<IOException>(() => AtomicFile.Create(Path.Combine(_folder.FullName, "missing", "top.txt")));

    [Fact]
    public void Write_PrivateNewFile_IsOwnerOnlyInAnOwnerOnlyDirectoryWithNoTemporaryLeft()
    {
        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream => stream.Write("{}"u8));

        Assert.Equal("{}", File.ReadAllText(PrivatePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(PrivatePath));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(PrivateDirectory));
        Assert.Equal([PrivatePath], Directory.GetFileSystemEntries(PrivateDirectory));
    }

    [Fact]
    public void Write_PrivateDirectoryOpenToOthers_IsMadeOwnerOnly()
    {
        Directory.CreateDirectory(PrivateDirectory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream => stream.Write("{}"u8));

        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(PrivateDirectory));
    }

    [Fact]
    public void Write_PrivateSymbolicLinkPlantedAtThePath_ReplacesTheLinkAndLeavesItsTargetAlone()
    {
        var victim = Path.Combine(_folder.FullName, "victim");
        File.WriteAllText(victim, "precious");
        File.SetUnixFileMode(victim, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Directory.CreateDirectory(PrivateDirectory);
        File.CreateSymbolicLink(PrivatePath, victim);

        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream => stream.Write("{}"u8));

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Equal(OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(victim));
        Assert.Null(new FileInfo(PrivatePath).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(PrivatePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(PrivatePath));
    }

    [Fact]
    public void Write_WriterFails_LeavesTheOldFileWholeAndNoTemporary()
    {
        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream => stream.Write("old"u8));

        Assert.Throws<IOException>(() => AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream =>
        {
            stream.Write("half of the n"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(PrivatePath));
        Assert.Equal([PrivatePath], Directory.GetFileSystemEntries(PrivateDirectory));
    }

    [Fact]
    public void Write_WriterThrowsAnythingElse_PassesItOnAndLeavesNoTemporary()
    {
        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream => stream.Write("old"u8));

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream =>
        {
            stream.Write("half of the n"u8);
            throw new InvalidOperationException("not serializable");
        }));

        Assert.Equal("old", File.ReadAllText(PrivatePath));
        Assert.Equal([PrivatePath], Directory.GetFileSystemEntries(PrivateDirectory));
    }

    [Fact]
    public void Write_Private_NamesTheTemporaryFileAfterTheFileSoTheStoreCanPruneIt()
    {
        string? temporary = null;

        AtomicFile.Write(PrivatePath, AtomicFileOptions.Private, stream =>
        {
            temporary = Path.GetFileName(Assert.Single(Directory.GetFiles(PrivateDirectory)));
            stream.Write("{}"u8);
        });

        Assert.Matches(@"^token\.json\.[0-9]+\.[0-9a-f]{16}\.tmp$", temporary);
    }

    [Fact]
    public void Write_TwoWritersOfOneFile_TheLastToCommitWins()
    {
        var first = AtomicFile.Create(PrivatePath, AtomicFileOptions.Private);
        var second = AtomicFile.Create(PrivatePath, AtomicFileOptions.Private);
        first.Stream.Write("first"u8);
        second.Stream.Write("second"u8);

        second.Commit();
        first.Commit();

        Assert.Equal("first", File.ReadAllText(PrivatePath));
        Assert.Equal([PrivatePath], Directory.GetFileSystemEntries(PrivateDirectory));
    }
}

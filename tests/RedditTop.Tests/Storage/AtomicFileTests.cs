using RedditTop.Output;
using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-atomic-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task CommitAsync_Written_ReplacesTheFileWholeAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n");

        await using (var sut = AtomicFile.Create(path))
        {
            await sut.Writer.WriteAsync("first block\n");
            Assert.Equal("previous run\n", await File.ReadAllTextAsync(path)); // nothing shows before the commit
            await sut.Writer.WriteAsync("second block\n");
            await sut.CommitAsync();
        }

        Assert.Equal("first block\nsecond block\n", await File.ReadAllTextAsync(path));
        Assert.Equal(["top.txt"], _folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task DisposeAsync_NotCommitted_LeavesThePreviousFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n");

        await using (var sut = AtomicFile.Create(path))
        {
            await sut.Writer.WriteAsync("half a run");
        }

        Assert.Equal("previous run\n", await File.ReadAllTextAsync(path));
        Assert.Equal(["top.txt"], _folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Create_FolderMissing_ThrowsAnIOException() =>
        Assert.ThrowsAny<IOException>(() => AtomicFile.Create(Path.Combine(_folder.FullName, "missing", "top.txt")));
}

using System.Diagnostics;

using RedditTop.Storage;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Storage;

public sealed class FileFactsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-facts-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Of_EachKindOfPath_TellsWhatIsThere()
    {
        Assert.True(FileFacts.Supported);
        var file = Path.Combine(_folder.FullName, "file");
        File.WriteAllText(file, "x");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var hardLink = Path.Combine(_folder.FullName, "hard");
        Run("ln", file, hardLink);
        var link = Path.Combine(_folder.FullName, "link");
        File.CreateSymbolicLink(link, file);
        var fifo = Path.Combine(_folder.FullName, "fifo");
        HostileFiles.MakeFifo(fifo);

        var regular = FileFacts.Of(file)!.Value;
        Assert.Equal(FileKind.Regular, regular.Kind);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, regular.Mode);
        Assert.Equal(2u, regular.Links);
        Assert.Equal(FileKind.SymbolicLink, FileFacts.OfLink(link)!.Value.Kind);
        Assert.Equal(FileKind.Regular, FileFacts.Of(link)!.Value.Kind);
        Assert.Equal(FileKind.Special, FileFacts.OfLink(fifo)!.Value.Kind);
        Assert.Equal(FileKind.Special, FileFacts.Of("/dev/null")!.Value.Kind);
        Assert.Equal(FileKind.Directory, FileFacts.Of(_folder.FullName)!.Value.Kind);
        Assert.Equal(FileKind.Missing, FileFacts.Of(Path.Combine(_folder.FullName, "none"))!.Value.Kind);
        Assert.Equal(FileKind.Missing, FileFacts.Of(Path.Combine(file, "under-a-file"))!.Value.Kind);
    }

    [Fact]
    public void TryChangeOwner_ToItsOwnOwner_Succeeds()
    {
        var file = Path.Combine(_folder.FullName, "file");
        File.WriteAllText(file, "x");
        var facts = FileFacts.Of(file)!.Value;

        Assert.True(FileFacts.TryChangeOwner(file, facts.Owner, facts.Group));
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

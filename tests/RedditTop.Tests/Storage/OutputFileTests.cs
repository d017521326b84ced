using System.Diagnostics;
using System.Net.Sockets;
using RedditTop.Storage;
using RedditTop.Tests.Support;

namespace RedditTop.Tests.Storage;

/// <summary>
/// What <c>-o PATH</c> does to what is at PATH. The devices are reached through links in a temporary folder, and a test
/// checks that the output is streamed before it writes or commits anything: nothing here can replace <c>/dev/null</c>.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode ReadableByAll = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode WritableByAll = ReadableByAll | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-output-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_LinkToACharacterDevice_WritesThroughItInPlaceAndLeavesTheLink()
    {
        var link = Path.Combine(_folder.FullName, "null");
        File.CreateSymbolicLink(link, "/dev/null");

        await using (var sut = await OutputFile.OpenAsync(link, Cancellation))
        {
            Assert.True(sut.IsStreamed); // before anything is written or committed
            Assert.Empty(_folder.GetFiles(".*.tmp"));
            await sut.Writer.WriteAsync("a block\n");
            await sut.Writer.FlushAsync(Cancellation);
            await sut.CommitAsync();
        }

        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.Equal(FileKind.Special, FileFacts.Of("/dev/null")!.Value.Kind);
        Assert.Equal([link], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_DeviceThatFailsWrites_ThrowsTheWriteError()
    {
        var link = Path.Combine(_folder.FullName, "full");
        File.CreateSymbolicLink(link, "/dev/full");

        await using var sut = await OutputFile.OpenAsync(link, Cancellation);

        Assert.True(sut.IsStreamed);
        await sut.Writer.WriteAsync("a block\n");
        var error = await Assert.ThrowsAsync<IOException>(() => sut.Writer.FlushAsync(Cancellation));
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FifoWithAReader_StreamsEachFlushedPieceAndLeavesTheFifo()
    {
        var fifo = MakeFifo("fifo");
        var opening = Task.Run(() => new StreamReader(fifo), Cancellation); // opening a FIFO to read waits for a writer

        await using (var sut = await OutputFile.OpenAsync(fifo, Cancellation).WaitAsync(Patience, Cancellation))
        {
            using var reader = await opening.WaitAsync(Patience, Cancellation);
            Assert.True(sut.IsStreamed);
            await sut.Writer.WriteAsync("first block\n");
            await sut.Writer.FlushAsync(Cancellation);
            Assert.Equal("first block", await reader.ReadLineAsync(Cancellation).AsTask().WaitAsync(Patience, Cancellation)); // before any commit

            await sut.Writer.WriteAsync("second block\n");
            await sut.Writer.FlushAsync(Cancellation);
            await sut.CommitAsync();
            await sut.DisposeAsync();
            Assert.Equal("second block\n", await reader.ReadToEndAsync(Cancellation).WaitAsync(Patience, Cancellation)); // then the end
        }

        Assert.True(FileFacts.IsFifo(fifo));
        Assert.Equal(FileKind.Special, FileFacts.OfLink(fifo)!.Value.Kind);
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_LinkToAFifo_WritesToTheFifo()
    {
        var fifo = MakeFifo("fifo");
        var link = Path.Combine(_folder.FullName, "link");
        File.CreateSymbolicLink(link, "fifo");
        var reading = Task.Run(() => File.ReadAllText(fifo), Cancellation);

        await using (var sut = await OutputFile.OpenAsync(link, Cancellation).WaitAsync(Patience, Cancellation))
        {
            await sut.Writer.WriteAsync("the output\n");
            await sut.CommitAsync();
        }

        Assert.Equal("the output\n", await reading.WaitAsync(Patience, Cancellation));
        Assert.Equal("fifo", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task OpenAsync_FifoNobodyReads_WaitsUntilCancelledAndLeavesNothing()
    {
        var fifo = MakeFifo("fifo");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var opening = OutputFile.OpenAsync(fifo, giveUp.Token);
        await Task.Delay(200, Cancellation);
        Assert.False(opening.IsCompleted); // still waiting for a reader, without blocking anyone
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => opening.WaitAsync(Patience, Cancellation));
        Assert.True(FileFacts.IsFifo(fifo));
        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_Socket_ThrowsAnIOExceptionNamingThePathAtOnce()
    {
        var path = Path.Combine(_folder.FullName, "socket");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var error = await Assert.ThrowsAsync<IOException>(() => OutputFile.OpenAsync(path, Cancellation).WaitAsync(Patience, Cancellation));

        Assert.Equal($"'{path}': No such device or address", error.Message);
    }

    [Fact]
    public async Task OpenAsync_LinkToARegularFileElsewhere_ReplacesTheTargetWithATemporaryFileBesideItAndKeepsTheLink()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder.FullName, "elsewhere"));
        var target = Path.Combine(elsewhere.FullName, "top.txt");
        await File.WriteAllTextAsync(target, "previous run\n", Cancellation);
        File.SetUnixFileMode(target, OwnerOnly | UnixFileMode.GroupRead);
        var link = Path.Combine(_folder.FullName, "top.txt");
        File.CreateSymbolicLink(link, "elsewhere/top.txt");

        await using (var sut = await OutputFile.OpenAsync(link, Cancellation))
        {
            Assert.False(sut.IsStreamed);
            await sut.Writer.WriteAsync("new run\n");
            Assert.Matches(@"^\.top\.txt\.[0-9]+\.[0-9a-f]{16}\.tmp$", Assert.Single(elsewhere.GetFiles(".*.tmp")).Name);
            Assert.Equal("previous run\n", await File.ReadAllTextAsync(target, Cancellation));
            await sut.CommitAsync();
        }

        Assert.Equal("elsewhere/top.txt", new FileInfo(link).LinkTarget);
        Assert.Equal("new run\n", await File.ReadAllTextAsync(target, Cancellation));
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(elsewhere.FullName));
        Assert.Equal(["elsewhere", "top.txt"], Directory.GetFileSystemEntries(_folder.FullName).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task OpenAsync_ChainOfRelativeLinks_ReplacesTheFinalTargetAsTheSystemResolvesIt()
    {
        // first -> via/../data/top.txt, where via is a link to a folder: the system takes '..' from where via leads
        // (deep/er/.. is deep), not from the text (the top folder).
        var deep = Directory.CreateDirectory(Path.Combine(_folder.FullName, "deep", "er"));
        var data = Directory.CreateDirectory(Path.Combine(_folder.FullName, "deep", "data"));
        var target = Path.Combine(data.FullName, "top.txt");
        await File.WriteAllTextAsync(target, "previous run\n", Cancellation);
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "via"), "deep/er");
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "second"), "via/../data/top.txt");
        var first = Path.Combine(_folder.FullName, "first");
        File.CreateSymbolicLink(first, "second");

        await using (var sut = await OutputFile.OpenAsync(first, Cancellation))
        {
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        Assert.Equal("new run\n", await File.ReadAllTextAsync(target, Cancellation));
        Assert.Equal("second", new FileInfo(first).LinkTarget);
        Assert.Equal("via/../data/top.txt", new FileInfo(Path.Combine(_folder.FullName, "second")).LinkTarget);
        Assert.Empty(deep.GetFileSystemInfos());
        Assert.Equal(["deep", "first", "second", "via"], Directory.GetFileSystemEntries(_folder.FullName).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task OpenAsync_LinkToNothingYet_CreatesItsTargetAndKeepsTheLink()
    {
        var link = Path.Combine(_folder.FullName, "top.txt");
        File.CreateSymbolicLink(link, "made-by-the-run.txt");

        await using (var sut = await OutputFile.OpenAsync(link, Cancellation))
        {
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        Assert.Equal("made-by-the-run.txt", new FileInfo(link).LinkTarget);
        Assert.Equal("new run\n", await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "made-by-the-run.txt"), Cancellation));
    }

    [Fact]
    public async Task OpenAsync_LinkNotCommitted_LeavesTheTargetAsItWasAndNoTemporaryFile()
    {
        var target = Path.Combine(_folder.FullName, "target.txt");
        await File.WriteAllTextAsync(target, "previous run\n", Cancellation);
        var link = Path.Combine(_folder.FullName, "top.txt");
        File.CreateSymbolicLink(link, "target.txt");

        await using (var sut = await OutputFile.OpenAsync(link, Cancellation))
        {
            await sut.Writer.WriteAsync("half a run");
        }

        Assert.Equal("previous run\n", await File.ReadAllTextAsync(target, Cancellation));
        Assert.Equal(["target.txt", "top.txt"], Directory.GetFileSystemEntries(_folder.FullName).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(OwnerOnly)]
    [InlineData(WritableByAll)] // wider than the umask lets a new file be
    [InlineData(UnixFileMode.UserRead)]
    public async Task OpenAsync_RegularFile_KeepsItsPermissionBits(UnixFileMode mode)
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n", Cancellation);
        File.SetUnixFileMode(path, mode);

        await using (var sut = await OutputFile.OpenAsync(path, Cancellation))
        {
            Assert.Equal(mode & ReadableByAll, File.GetUnixFileMode(Assert.Single(_folder.GetFiles(".*.tmp")).FullName) & ReadableByAll); // never readable by more than the file while it is written
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        Assert.Equal("new run\n", await File.ReadAllTextAsync(path, Cancellation));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_RegularFileOfAnotherOwner_KeepsItsOwnerAndGroupWhereAllowed()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n", Cancellation);
        Assert.SkipUnless(FileFacts.TryChangeOwner(path, 65534, 65534), "only a privileged process may give a file away");

        await using (var sut = await OutputFile.OpenAsync(path, Cancellation))
        {
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        var facts = FileFacts.OfLink(path)!.Value;
        Assert.Equal((FileKind.Regular, 65534u, 65534u), (facts.Kind, facts.Owner, facts.Group));
        Assert.Equal("new run\n", await File.ReadAllTextAsync(path, Cancellation));
    }

    [Fact]
    public async Task OpenAsync_HardLinkedFile_GivesThePathANewFileAndTheOtherNameKeepsThePreviousContent()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await File.WriteAllTextAsync(path, "previous run\n", Cancellation);
        var other = Path.Combine(_folder.FullName, "other-name.txt");
        Run("ln", path, other);

        await using (var sut = await OutputFile.OpenAsync(path, Cancellation))
        {
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        Assert.Equal("new run\n", await File.ReadAllTextAsync(path, Cancellation));
        Assert.Equal("previous run\n", await File.ReadAllTextAsync(other, Cancellation));
        Assert.Equal(1u, FileFacts.Of(path)!.Value.Links);
        Assert.Equal(1u, FileFacts.Of(other)!.Value.Links);
    }

    [Fact]
    public async Task OpenAsync_MissingFile_CreatesItWithTheModeNewFilesGet()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        var reference = Path.Combine(_folder.FullName, "reference");
        await File.WriteAllTextAsync(reference, "", Cancellation);

        await using (var sut = await OutputFile.OpenAsync(path, Cancellation))
        {
            await sut.Writer.WriteAsync("new run\n");
            await sut.CommitAsync();
        }

        Assert.Equal("new run\n", await File.ReadAllTextAsync(path, Cancellation));
        Assert.Equal(File.GetUnixFileMode(reference), File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task OpenAsync_Folder_ThrowsBeforeAnythingIsWritten()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, "top"));

        var error = await Assert.ThrowsAsync<IOException>(() => OutputFile.OpenAsync(folder.FullName, Cancellation));

        Assert.Equal($"'{folder.FullName}': is a folder", error.Message);
        Assert.Equal([folder.FullName], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_LoopOfLinks_ThrowsAnIOExceptionNamingThePath()
    {
        var first = Path.Combine(_folder.FullName, "first");
        File.CreateSymbolicLink(first, "second");
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "second"), "first");

        var error = await Assert.ThrowsAsync<IOException>(() => OutputFile.OpenAsync(first, Cancellation));

        Assert.StartsWith($"'{first}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFolder_ThrowsNamingThePathAndWhyAndMakesNothing()
    {
        var path = Path.Combine(_folder.FullName, "missing", "top.txt");

        var error = Assert.Throws<IOException>(() => OutputFile.Check(path));

        Assert.Equal($"'{path}': no such folder", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public void Check_WritableFolderOrAFifo_Passes()
    {
        var fifo = MakeFifo("fifo");

        OutputFile.Check(Path.Combine(_folder.FullName, "top.txt"));
        OutputFile.Check(fifo);

        Assert.Equal([fifo], Directory.GetFileSystemEntries(_folder.FullName));
    }

    [Fact]
    public async Task OpenAsync_FolderGoneSinceTheCheck_NamesThePathNotTheTemporaryFile()
    {
        var path = Path.Combine(_folder.FullName, "gone", "top.txt");

        var error = await Assert.ThrowsAsync<IOException>(() => OutputFile.OpenAsync(path, Cancellation));

        Assert.Equal($"'{path}': no such folder", error.Message);
    }

    [Fact]
    public async Task CommitAsync_FolderRemovedWhileWriting_NamesThePathNotTheTemporaryFile()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, "out"));
        var path = Path.Combine(folder.FullName, "top.txt");
        await using var sut = await OutputFile.OpenAsync(path, Cancellation);
        await sut.Writer.WriteAsync("a block\n");
        folder.Delete(recursive: true);

        var error = await Assert.ThrowsAsync<IOException>(sut.CommitAsync);

        Assert.Equal($"'{path}': no such folder", error.Message);
    }

    [Fact]
    public async Task Failure_WriteToAReplacedFileFails_NamesThePathAndTheSystemsReason()
    {
        var path = Path.Combine(_folder.FullName, "top.txt");
        await using var sut = await OutputFile.OpenAsync(path, Cancellation);
        var temporary = Assert.Single(_folder.GetFiles(".*.tmp")).FullName;

        var failure = sut.Failure(new IOException($"No space left on device : '{temporary}'", 28));

        Assert.Equal($"'{path}': No space left on device", failure.Message);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        HostileFiles.MakeFifo(path);
        return path;
    }
}

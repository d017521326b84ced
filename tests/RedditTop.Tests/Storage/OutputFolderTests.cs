using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

/// <summary>Why <c>-o</c>'s file cannot be made, in the words its error uses, never with a temporary file's name.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private const string Temporary = "/home/me/.top.txt.4242.0123456789abcdef.tmp";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reddittop-output-folder-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Problem_FolderOfOurOwn_IsNone() =>
        Assert.Null(OutputFolder.Problem(_folder.FullName));

    [Fact]
    public void Problem_MissingFolder_IsNoSuchFolder() =>
        Assert.Equal("no such folder", OutputFolder.Problem(Path.Combine(_folder.FullName, "missing", "dir")));

    [Fact]
    public void Problem_FileWhereAFolderShouldBe_IsNotAFolder()
    {
        var file = Path.Combine(_folder.FullName, "notes");
        File.WriteAllText(file, "");

        Assert.Equal("not a folder", OutputFolder.Problem(file));
        Assert.Equal("not a folder", OutputFolder.Problem(Path.Combine(file, "below")));
    }

    [Theory]
    [InlineData(2, "no such folder")]
    [InlineData(20, "not a folder")]
    [InlineData(13, "permission denied")]
    [InlineData(1, "permission denied")]
    [InlineData(30, "read-only file system")]
    [InlineData(28, "No space left on device")]
    public void Reason_ErrorNumber_InTheOutputErrorsWords(int error, string expected) =>
        Assert.Equal(expected, OutputFolder.Reason(error));

    [Fact]
    public void Reason_ExceptionsDotNetThrowsForTheTemporaryFile_LeaveItsNameOut()
    {
        string[] reasons =
        [
            OutputFolder.Reason(new UnauthorizedAccessException($"Access to the path '{Temporary}' is denied."), _folder.FullName),
            OutputFolder.Reason(new DirectoryNotFoundException($"Could not find a part of the path '{Temporary}'."), _folder.FullName),
            OutputFolder.Reason(new IOException($"Read-only file system : '{Temporary}'", 30), _folder.FullName),
            OutputFolder.Reason(new FileNotFoundException($"Could not find file '{Temporary}'.", Temporary), _folder.FullName),
        ];

        Assert.Equal(["permission denied", "no such folder", "read-only file system", "it cannot be written"], reasons);
    }

    [Fact]
    public void Reason_FolderGoneWhateverTheException_SaysSo() =>
        Assert.Equal("no such folder", OutputFolder.Reason(new IOException("anything"), Path.Combine(_folder.FullName, "gone")));
}

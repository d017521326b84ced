using System.Diagnostics;
using RedditTop.Storage;

namespace RedditTop.Tests.Support;

/// <summary>What can sit where reddittop keeps its files: FIFOs, and folders of another user's.</summary>
internal static class HostileFiles
{
    /// <summary>Makes a FIFO at <paramref name="path"/>, replacing a file there; opening it to read waits for a writer.</summary>
    public static void MakeFifo(string path)
    {
        File.Delete(path);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(FileKind.Special, FileFacts.OfLink(path)!.Value.Kind);
    }

    /// <summary>
    /// A folder that belongs to another user than the one the tests run as: as root, <paramref name="path"/> made and given
    /// to another user; otherwise, where no folder can be given away, <c>/</c>, which is root's.
    /// </summary>
    public static string ForeignFolder(string path)
    {
        var me = FileFacts.UserId;
        var other = me == 65534 ? 65533u : 65534u;
        Directory.CreateDirectory(path);
        var folder = FileFacts.TryChangeOwner(path, other, other) ? path : "/";
        Assert.NotEqual(me, FileFacts.Of(folder)!.Value.Owner);
        return folder;
    }
}

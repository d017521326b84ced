using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

/// <summary>The whole content or nothing past the bound, whatever length the stream says it has.</summary>
public sealed class BoundedReadTests
{
    private const int Bound = 100_000;

    public static TheoryData<int, int?> Lengths => new()
    {
        // content, the length the stream says (null: none, it cannot seek)
        { 0, 0 },
        { 1, 1 },
        { 40_000, 40_000 },
        { Bound, Bound },
        { 40_000, null },
        { Bound, null },
        { 40_000, 10 }, // grew since its length was asked
        { 40_000, 90_000 }, // shrank
        { 40_000, 0 }, // a device that says 0
        { 40_000, int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ReadAll_WithinTheBound_IsTheWholeContent(int length, int? saidLength)
    {
        var content = Content(length);

        var read = BoundedRead.ReadAll(new SaysLengthStream(content, saidLength), Bound);

        Assert.Equal(content, read);
    }

    [Theory]
    [InlineData(Bound + 1, Bound + 1)]
    [InlineData(Bound + 1, Bound)]
    [InlineData(Bound + 1, null)]
    [InlineData(3 * Bound, 10)]
    public void ReadAll_PastTheBound_IsNull(int length, int? saidLength) =>
        Assert.Null(BoundedRead.ReadAll(new SaysLengthStream(Content(length), saidLength), Bound));

    [Fact]
    public void ReadAll_FromTheMiddle_IsWhatIsLeft()
    {
        var content = Content(50_000);
        using var stream = new MemoryStream(content);
        stream.Position = 20_000;

        Assert.Equal(content[20_000..], BoundedRead.ReadAll(stream, Bound));
    }

    private static byte[] Content(int length) => Enumerable.Range(0, length).Select(static i => (byte)(i * 7)).ToArray();

    /// <summary>A stream of <c>content</c> that says <c>saidLength</c> is its length, or cannot seek when that is null.</summary>
    private sealed class SaysLengthStream(byte[] content, int? saidLength) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => saidLength is not null;

        public override long Length => saidLength ?? throw new NotSupportedException();
    }
}

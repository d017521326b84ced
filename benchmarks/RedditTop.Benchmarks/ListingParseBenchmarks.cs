using BenchmarkDotNet.Attributes;

namespace RedditTop.Benchmarks;

/// <summary>
/// Reading one full page (100 posts) of a real listing: source-generated JSON deserialization from a stream, then
/// <c>ListingReader.TryGetPosts</c> and <c>RedditText.DecodeIfEscaped</c>, as <c>RedditClient</c> reads a response.
/// Not sealed: BenchmarkDotNet runs a class derived from it.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ListingParseBenchmarks
{
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup() => _body = RecordedListing.ReadBytes();

    /// <summary>The number of posts read, so the work is not optimised away.</summary>
    [Benchmark]
    public async Task<int> ParseListing()
    {
        using var stream = new MemoryStream(_body, writable: false);
        var posts = await RecordedListing.ReadPostsAsync(stream, CancellationToken.None).ConfigureAwait(false);
        return posts.Count;
    }
}

using System.Text;
using BenchmarkDotNet.Attributes;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Benchmarks;

/// <summary>
/// Writing one subreddit's 100 posts in each output format (<c>-f</c>), header on and colour off: a new format,
/// then <c>Begin</c>, one <c>Result</c> and <c>End</c>, as a run with one subreddit does.
/// Not sealed: BenchmarkDotNet runs a class derived from it.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class FormatBenchmarks
{
    // A fixed date for the text format's date line, so every run writes the same output.
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private SubredditQuery[] _queries = [];
    private SubredditResult? _result;
    private OutputFormat _format;

    /// <summary>Every format's name, in the order <c>--help</c> lists them.</summary>
    public static IEnumerable<string> Formats => EnumNames.Of<OutputFormat>();

    [ParamsSource(nameof(Formats))]
    public string Format { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _format = Enum.Parse<OutputFormat>(Format, ignoreCase: true);
        using var stream = new MemoryStream(RecordedListing.ReadBytes(), writable: false);
        IReadOnlyList<Post> posts = RecordedListing.ReadPostsAsync(stream, CancellationToken.None).GetAwaiter().GetResult();
        var query = new SubredditQuery(RecordedListing.Subreddit, posts.Count);
        _queries = [query];
        _result = SubredditResult.Success(query, posts);
    }

    // The run's one buffer, reused for every piece as the program does.
    private readonly StringBuilder _output = new(16 * 1024);

    /// <summary>The number of characters written, so the work is not optimised away.</summary>
    [Benchmark]
    public int FormatPosts()
    {
        var format = OutputFormats.Create(_format, _queries, color: false, header: true);
        var written = 0;
        format.Begin(Now, _output);
        written += _output.Length;
        _output.Clear();
        format.Result(_result!, _output);
        written += _output.Length;
        _output.Clear();
        format.End(_output);
        written += _output.Length;
        _output.Clear();
        return written;
    }
}

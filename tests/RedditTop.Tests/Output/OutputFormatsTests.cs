using RedditTop.Output;
using RedditTop.Reddit;

namespace RedditTop.Tests.Output;

public sealed class OutputFormatsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("text", typeof(TextFormatter))]
    [InlineData("json", typeof(JsonFormatter))]
    [InlineData("jsonl", typeof(JsonLinesFormatter))]
    [InlineData("csv", typeof(DelimitedFormatter))]
    [InlineData("tsv", typeof(DelimitedFormatter))]
    [InlineData("markdown", typeof(MarkdownFormatter))]
    public void Create_Name_ReturnsThatFormat(string name, Type expected)
    {
        var format = OutputFormats.Create(Enum.Parse<OutputFormat>(name, ignoreCase: true), [], color: false, header: true);

        Assert.IsType(expected, format);
    }

    [Fact]
    public void Names_Every_CanBeCreatedAndTextIsFirst()
    {
        Assert.Equal("text", EnumNames.Of<OutputFormat>()[0]);
        Assert.All(Enum.GetValues<OutputFormat>(), format => Assert.NotNull(OutputFormats.Create(format, [], color: false, header: true)));
    }

    [Fact]
    public void Create_CsvAndTsv_UseTheirSeparator()
    {
        var csv = OutputFormats.Create(OutputFormat.Csv, [], color: false, header: true).Begin(Now);
        var tsv = OutputFormats.Create(OutputFormat.Tsv, [], color: false, header: true).Begin(Now);

        Assert.StartsWith("subreddit,rank,", csv, StringComparison.Ordinal);
        Assert.StartsWith("subreddit\trank\t", tsv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("csv")]
    [InlineData("tsv")]
    public void Create_HeaderFalse_BeginWritesNothing(string name) =>
        Assert.Equal("", OutputFormats.Create(Enum.Parse<OutputFormat>(name, ignoreCase: true), [], color: false, header: false).Begin(Now));

    [Fact]
    public void Create_Json_KeepsTheQueriesInArgumentOrder()
    {
        SubredditQuery[] queries = [new("b", 10), new("a", 10)];
        var sut = OutputFormats.Create(OutputFormat.Json, queries, color: false, header: true);
        sut.Begin(Now);
        sut.Result(SubredditResult.Success(queries[1], []));
        sut.Result(SubredditResult.Success(queries[0], []));

        var output = sut.End();

        Assert.True(output.IndexOf("\"b\"", StringComparison.Ordinal) < output.IndexOf("\"a\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_UnknownName_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputFormats.Create((OutputFormat)99, [], color: false, header: true));
}

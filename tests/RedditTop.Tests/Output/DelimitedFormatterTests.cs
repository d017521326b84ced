using System.Text;
using Microsoft.VisualBasic.FileIO;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Output;

public sealed class DelimitedFormatterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    [Fact]
    public void Csv_HostilePosts_ReadBackWithACsvParserToTheCleanedValues()
    {
        var sut = DelimitedFormatter.Csv();

        var output = sut.Begin(Now) + sut.Result(HostilePosts.Success("test", HostilePosts.All)) + sut.End();

        var records = ParseCsv(output);
        Assert.Equal(PostRow.Names, records[0]);
        Assert.Equal(Cleaned(HostilePosts.Rows("test", HostilePosts.All)), records.Skip(1));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Csv_CreatedTimeNotANumber_HasNoTime(double createdUtc)
    {
        var post = new Post("t", 1, "https://example.com/", CreatedUtc: createdUtc);
        var sut = DelimitedFormatter.Csv(header: false);

        var fields = ParseCsv(sut.Result(SubredditResult.Success(new SubredditQuery("test", 1), [post])))[0];

        Assert.Equal(["", ""], fields.Skip(9).Take(2));
    }

    [Fact]
    public void Csv_HostilePosts_EveryRecordIsOneLineWithNoControlOrBidiCharacter()
    {
        var sut = DelimitedFormatter.Csv();

        var output = sut.Begin(Now) + sut.Result(HostilePosts.Success("test", HostilePosts.All));

        Assert.Equal(HostilePosts.All.Count + 1, output.Count(c => c == '\n'));
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output, HostilePosts.IsDangerous);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("tab\tinside", "tab\tinside")]
    public void CsvField_Field_IsQuotedOnlyWhenNeeded(string field, string expected) =>
        Assert.Equal(expected, DelimitedFormatter.CsvField(field));

    [Fact]
    public void CsvField_RawMultilineFields_ReadBackExactlyWithACsvParser()
    {
        string[] fields = ["a,b", "\"quoted\"", "two\nlines", "crlf\r\nend", " padded ", "", "Café 🐍 &<>", "\"\""];

        var line = string.Join(",", fields.Select(DelimitedFormatter.CsvField)) + "\n";

        var records = ParseCsv(line);
        Assert.Single(records);
        Assert.Equal(fields, records[0]);
    }

    [Fact]
    public void Tsv_HostilePosts_ReadBackByTabsAndUnescapingToTheCleanedValues()
    {
        var sut = DelimitedFormatter.Tsv();

        var output = sut.Begin(Now) + sut.Result(HostilePosts.Success("test", HostilePosts.All)) + sut.End();

        var records = ParseTsv(output);
        Assert.Equal(PostRow.Names, records[0]);
        Assert.Equal(Cleaned(HostilePosts.Rows("test", HostilePosts.All)), records.Skip(1));
        Assert.DoesNotContain(output, c => HostilePosts.IsDangerous(c) && c != '\t');
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("a\nb\rc", "a\\nb\\rc")]
    [InlineData("back\\slash \\t", "back\\\\slash \\\\t")]
    [InlineData("comma, \"quote\"", "comma, \"quote\"")]
    public void TsvField_Field_EscapesTabNewlineCarriageReturnAndBackslash(string field, string expected) =>
        Assert.Equal(expected, DelimitedFormatter.TsvField(field));

    [Fact]
    public void TsvField_RawFields_ReadBackExactlyAfterUnescaping()
    {
        string[] fields = ["a\tb", "two\nlines", "crlf\r\n", "\\n is not a newline", "\\", "", "Café 🐍"];

        var line = string.Join("\t", fields.Select(DelimitedFormatter.TsvField)) + "\n";

        var records = ParseTsv(line);
        Assert.Single(records);
        Assert.Equal(fields, records[0]);
    }

    [Fact]
    public void Begin_HeaderLeftOut_WritesNothing()
    {
        var sut = DelimitedFormatter.Csv(header: false);

        var output = sut.Begin(Now);

        Assert.Equal("", output);
    }

    [Fact]
    public void Begin_Csv_IsTheColumnNames() =>
        Assert.Equal(
            "subreddit,rank,id,title,score,url,permalink,author,num_comments,created_utc,created,over_18,stickied,domain,flair,is_new,fetched_at,cached\n",
            DelimitedFormatter.Csv().Begin(Now));

    [Fact]
    public void Result_KnownPost_IsOneRowOfInvariantValues()
    {
        var post = new Post("Hello, world", 12, "https://example.com/x", Id: "abc", Permalink: "/r/pics/comments/abc/hello/",
            CreatedUtc: 1700000000.25, Author: "me", NumComments: 3, Over18: true, Domain: "example.com");

        var csv = DelimitedFormatter.Csv().Result(HostilePosts.Success("pics", [post]));
        var tsv = DelimitedFormatter.Tsv().Result(HostilePosts.Success("pics", [post]));

        Assert.Equal(
            "pics,1,abc,\"Hello, world\",12,https://example.com/x,https://www.reddit.com/r/pics/comments/abc/hello/,me,3,1700000000.25,2023-11-14T22:13:20Z,true,false,example.com,,false,,false\n",
            csv);
        Assert.Equal(
            "pics\t1\tabc\tHello, world\t12\thttps://example.com/x\thttps://www.reddit.com/r/pics/comments/abc/hello/\tme\t3\t1700000000.25\t2023-11-14T22:13:20Z\ttrue\tfalse\texample.com\t\tfalse\t\tfalse\n",
            tsv);
    }

    [Fact]
    public void Result_FetchedOrFromALocalCopy_EndsWithTheTimeAndWhetherCached()
    {
        var fetchedAt = new DateTimeOffset(2026, 11, 27, 6, 12, 30, TimeSpan.Zero);
        Post[] posts = [new("t", 1, "https://example.com/")];

        var fetched = DelimitedFormatter.Csv(header: false).Result(SubredditResult.Success(new SubredditQuery("test", 1), posts, fetchedAt));
        var copy = DelimitedFormatter.Tsv(header: false).Result(SubredditResult.Success(new SubredditQuery("test", 1), posts, fetchedAt, cached: true));

        Assert.EndsWith(",false,2026-11-27T06:12:30Z,false\n", fetched, StringComparison.Ordinal);
        Assert.EndsWith("\tfalse\t2026-11-27T06:12:30Z\ttrue\n", copy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/r/test/comments/6zup2m/ʖ/", "https://www.reddit.com/r/test/comments/6zup2m/ʖ/")]
    [InlineData("/r/test/comments/6zup2m/café_%E2%9C%93/", "https://www.reddit.com/r/test/comments/6zup2m/café_%E2%9C%93/")]
    [InlineData("https://old.reddit.com/r/x/", "https://old.reddit.com/r/x/")]
    [InlineData("not a path", "not a path")]
    public void Result_Permalink_IsPrintedAsRedditSentItWithTheHostInFront(string permalink, string expected)
    {
        // A self post's url keeps Reddit's raw form; its permalink, the same address, must not differ from it.
        var post = new Post("t", 1, expected, Permalink: permalink);

        var tsv = DelimitedFormatter.Tsv().Result(HostilePosts.Success("test", [post]));

        var fields = tsv.TrimEnd('\n').Split('\t');
        Assert.Equal(expected, fields[PostRow.Names.ToList().IndexOf("permalink")]);
        Assert.Equal(fields[PostRow.Names.ToList().IndexOf("url")], fields[PostRow.Names.ToList().IndexOf("permalink")]);
    }

    [Fact]
    public void Result_FailureOrEmptyListing_WritesNoRow()
    {
        var sut = DelimitedFormatter.Tsv();

        var failed = sut.Result(SubredditResult.Fail(new SubredditQuery("gone", 10), new FetchFailure(FailureKind.NotFound, 404)));
        var empty = sut.Result(HostilePosts.Success("empty", []));

        Assert.Equal("", failed);
        Assert.Equal("", empty);
        Assert.Equal("", sut.End());
    }

    private static IEnumerable<IReadOnlyList<string>> Cleaned(IEnumerable<PostRow> rows) =>
        rows.Select(row => (IReadOnlyList<string>)row.Values().Select(Sanitizer.Clean).ToList());

    private static List<IReadOnlyList<string>> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        var records = new List<IReadOnlyList<string>>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields() ?? []);
        }

        return records;
    }

    private static List<IReadOnlyList<string>> ParseTsv(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n').Select(line => (IReadOnlyList<string>)line.Split('\t').Select(UnescapeTsv).ToList()).ToList();
    }

    /// <summary>A TSV field as written, unescaped: <c>\t</c>, <c>\n</c>, <c>\r</c> and <c>\\</c> back to what they stand for.</summary>
    internal static string UnescapeTsv(string field)
    {
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\')
            {
                text.Append(field[i]);
                continue;
            }

            text.Append(field[++i] switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                '\\' => '\\',
                var other => throw new FormatException($"unknown escape \\{other}"),
            });
        }

        return text.ToString();
    }
}

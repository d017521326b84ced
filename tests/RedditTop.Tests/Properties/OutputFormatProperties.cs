using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RedditTop.Output;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Listings;
using RedditTop.Tests.Output;

namespace RedditTop.Tests.Properties;

/// <summary>
/// Every output format fed posts whose text is arbitrary (<see cref="Texts"/>): the machine formats read back, as a
/// reader of stdout gets them (UTF-8), to the same fields; the terminal formats hold no control character but tab and
/// newline and keep the documented number of lines per post.
/// </summary>
/// <remarks>
/// What "the same" means where a format cannot carry a character: stdout is UTF-8, which has no lone surrogates, so
/// each one reads back as U+FFFD (the JSON writer replaces them itself); csv, tsv, text and markdown show server text
/// cleaned (a control character is a space, a bidirectional control is dropped), which <see cref="Texts.Cleaned"/>
/// states on its own.
/// </remarks>
public sealed class OutputFormatProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 12, 0, TimeSpan.Zero);

    private static readonly Arbitrary<List<Post>> HostilePosts = Arb.From(Posts.ListOf(Texts.Any), WithoutOnePost);

    /// <summary>Results of several subreddits, named anyhow: posts, an empty listing, or a failure with a hostile detail.</summary>
    private static readonly Arbitrary<List<SubredditResult>> HostileResults =
        Gen.Frequency<SubredditResult>(
                (4, from name in Texts.Any from posts in Posts.ListOf(Texts.Any, max: 6) select SubredditResult.Success(new SubredditQuery(name, 10), posts)),
                (1, from name in Texts.Any
                    from kind in Gen.Elements(Enum.GetValues<FailureKind>())
                    from detail in Texts.Any
                    from status in Gen.Choose(100, 599).OrNone()
                    select SubredditResult.Fail(new SubredditQuery(name, 10), new FetchFailure(kind, status, Detail: detail))))
            .ListOf()
            .Select(results => results.ToList())
            .ToArbitrary();

    [Property]
    public Property Json_ArbitraryResults_ParseBackToTheSameSubredditsAndPosts() => Prop.ForAll(HostileResults, results =>
    {
        var sut = new JsonFormatter(results.Select(r => r.Query).ToList(), Posts.NewWhenEvenScore);

        var output = Texts.ThroughUtf8(sut.Begin(Now) + string.Concat(results.Select(sut.Result)) + sut.End());

        AssertNoTerminalControl(output, allowTab: false);
        using var document = JsonDocument.Parse(output);
        var subreddits = document.RootElement.GetProperty("subreddits").EnumerateArray().ToList();
        Assert.Equal(results.Count, subreddits.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(Texts.WithoutLoneSurrogates(results[i].Query.Name), subreddits[i].GetProperty("name").GetString());
            Assert.Equal(results[i].Failure is null, subreddits[i].GetProperty("ok").GetBoolean());
            if (results[i].Failure is { } failure)
            {
                var error = subreddits[i].GetProperty("error");
                Assert.Equal(JsonFormatter.KindName(failure.Kind), error.GetProperty("kind").GetString());
                Assert.Equal(Texts.WithoutLoneSurrogates(FailureText.Phrase(failure)), error.GetProperty("message").GetString());
            }

            var posts = subreddits[i].GetProperty("posts").EnumerateArray().ToList();
            var expected = results[i].Posts ?? [];
            Assert.Equal(expected.Count, posts.Count);
            for (var j = 0; j < expected.Count; j++)
            {
                AssertJsonPost(PostRow.From(results[i].Query.Name, j + 1, expected[j], Posts.NewWhenEvenScore(expected[j])), posts[j]);
            }
        }
    });

    [Property]
    public Property JsonLines_ArbitraryPosts_EveryLineParsesBackToTheSamePost() => Prop.ForAll(HostilePosts, posts =>
    {
        var sut = new JsonLinesFormatter(Posts.NewWhenEvenScore);

        var output = Texts.ThroughUtf8(sut.Result(SubredditResult.Success(new SubredditQuery("test", 10), posts)));

        AssertNoTerminalControl(output, allowTab: false);
        var lines = output.Split('\n');
        Assert.Equal(posts.Count + 1, lines.Length); // one line per post, each ending with \n
        Assert.Equal("", lines[^1]);
        for (var i = 0; i < posts.Count; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            AssertJsonPost(PostRow.From("test", i + 1, posts[i], Posts.NewWhenEvenScore(posts[i])), document.RootElement);
        }
    });

    [Property]
    public Property Csv_ArbitraryPosts_ReadBackWithAnRfc4180ReaderToTheCleanedFields() => Prop.ForAll(HostilePosts, posts =>
    {
        var sut = DelimitedFormatter.Csv(isNew: Posts.NewWhenEvenScore);

        var output = Texts.ThroughUtf8(sut.Begin(Now) + sut.Result(SubredditResult.Success(new SubredditQuery("test", 10), posts)) + sut.End());

        // Cleaning turned every CR, LF and tab into a space: each record is one line, quoted fields included.
        AssertNoTerminalControl(output, allowTab: false);
        Assert.Equal(posts.Count + 1, output.Count(c => c == '\n'));
        var records = Rfc4180Reader.Read(output);
        Assert.Equal(PostRow.Names, records[0]);
        Assert.Equal(ExpectedDelimitedRows(posts), records.Skip(1));
    });

    [Property]
    public Property Tsv_ArbitraryPosts_SplitOnTabsAndNewlinesAndUnescapeToTheCleanedFields() => Prop.ForAll(HostilePosts, posts =>
    {
        var sut = DelimitedFormatter.Tsv(isNew: Posts.NewWhenEvenScore);

        var output = Texts.ThroughUtf8(sut.Begin(Now) + sut.Result(SubredditResult.Success(new SubredditQuery("test", 10), posts)) + sut.End());

        // The rule: a field is cleaned (tab, CR and LF become spaces), then a backslash is written as \\; so the tabs and
        // newlines left are the separators, and every record has every column.
        AssertNoTerminalControl(output, allowTab: true);
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        var lines = output[..^1].Split('\n');
        Assert.Equal(posts.Count + 1, lines.Length);
        Assert.Equal(PostRow.Names, lines[0].Split('\t'));
        var expected = ExpectedDelimitedRows(posts);
        for (var i = 0; i < posts.Count; i++)
        {
            var fields = lines[i + 1].Split('\t');
            Assert.Equal(expected[i].Select(field => field.Replace("\\", "\\\\", StringComparison.Ordinal)), fields);
            Assert.Equal(expected[i], fields.Select(DelimitedFormatterTests.UnescapeTsv));
        }
    });

    [Property]
    public Property Text_ArbitraryPosts_HoldNoControlButTabAndNewlineAndTwoLinesPerPost() =>
        Prop.ForAll(SubredditNames.Valid.ToArbitrary(), HostilePosts, Gen.Choose(0, 3).ToArbitrary(), (name, posts, flags) =>
        {
            var (color, markNew) = ((flags & 1) != 0, (flags & 2) != 0);
            var sut = new TextFormatter(color, header: true, markNew ? Posts.NewWhenEvenScore : null);

            var output = sut.Begin(Now) + sut.Result(SubredditResult.Success(new SubredditQuery(name, 10), posts)) + sut.End();

            // Without colour no ESC at all; with it, only the formatter's own four styles.
            var plain = color ? RemoveStyles(output) : output;
            Assert.DoesNotContain('\u001b', plain);
            AssertNoTerminalControl(plain, allowTab: true);

            // The date line and dashes, an empty line, the heading, then two lines per post (or one saying there is none).
            var lines = plain.Split('\n');
            Assert.Equal(5 + Math.Max(1, posts.Count * 2), lines.Length);
            Assert.Equal(new string('-', 27), lines[1]);
            Assert.Equal(["", $"/r/{name}:"], lines[2..4]);
            Assert.Equal("", lines[^1]);
            if (posts.Count == 0)
            {
                Assert.Equal("\t(no posts)", lines[4]);
            }

            for (var i = 0; i < posts.Count; i++)
            {
                var mark = markNew && Posts.NewWhenEvenScore(posts[i]) ? "*" : "";
                Assert.Equal($"\t{mark}{posts[i].Score.ToString(CultureInfo.InvariantCulture)}: {Texts.Cleaned(posts[i].Title)}", lines[4 + (2 * i)]);
                Assert.Equal($"\t\t({Texts.Cleaned(posts[i].Url)})", lines[5 + (2 * i)]);
            }
        });

    [Property]
    public Property Markdown_ArbitraryPosts_OneListItemPerPostThatReadsBackAsTheCleanedTitle() =>
        Prop.ForAll(SubredditNames.Valid.ToArbitrary(), HostilePosts, (name, posts) =>
        {
            var sut = new MarkdownFormatter();

            var output = sut.Result(SubredditResult.Success(new SubredditQuery(name, 10), posts));

            AssertNoTerminalControl(output, allowTab: false);
            var lines = output.Split('\n');
            Assert.Equal(3 + Math.Max(1, posts.Count), lines.Length);
            Assert.Equal([$"## r/{MarkdownFormatter.EscapeText(name)}", ""], lines[..2]);
            Assert.Equal("", lines[^1]);
            for (var i = 0; i < posts.Count; i++)
            {
                var line = lines[2 + i];
                var score = $" ({posts[i].Score.ToString(CultureInfo.InvariantCulture)})";
                Assert.StartsWith("- [", line, StringComparison.Ordinal);
                Assert.EndsWith(score, line, StringComparison.Ordinal);

                // The link text runs to the first ']' not escaped; unescaped, it is the title as the terminal formats show it.
                var (title, end) = ReadMarkdownLinkText(line, 3);
                Assert.Equal(Texts.Cleaned(posts[i].Title), title);
                Assert.Equal("(" + MarkdownFormatter.EscapeUrl(posts[i].Url) + ")" + score, line[end..]);
            }
        });

    /// <summary>The value in json: the row's text as UTF-8 carries it, and a time that is not a number is null.</summary>
    private static void AssertJsonPost(PostRow row, JsonElement actual)
    {
        static string? Text(string? text) => text is null ? null : Texts.WithoutLoneSurrogates(text);
        var expected = row with
        {
            Subreddit = Text(row.Subreddit)!,
            Id = Text(row.Id),
            Title = Text(row.Title)!,
            Url = Text(row.Url)!,
            Permalink = Text(row.Permalink),
            Author = Text(row.Author),
            CreatedUtc = row.CreatedUtc is { } time && double.IsFinite(time) ? time : null,
            Domain = Text(row.Domain),
            Flair = Text(row.Flair),
        };
        JsonAssert.PostEquals(expected, actual);
        Assert.Equal(expected.IsNew, actual.GetProperty("is_new").GetBoolean());
    }

    private static List<List<string>> ExpectedDelimitedRows(List<Post> posts) =>
        posts.Select((post, i) => PostRow.From("test", i + 1, post, Posts.NewWhenEvenScore(post)).Values().Select(v => Texts.WithoutLoneSurrogates(Texts.Cleaned(v))).ToList()).ToList();

    /// <summary>No C0, DEL or C1 control but newline (and tab where allowed), and no bidirectional control.</summary>
    private static void AssertNoTerminalControl(string output, bool allowTab)
    {
        var bad = output.FirstOrDefault(c => (Texts.IsControl(c) && c != '\n' && !(allowTab && c == '\t')) || Texts.IsBidiControl(c));
        Assert.True(bad == default, $"U+{(int)bad:X4} in the output");
    }

    private static string RemoveStyles(string text)
    {
        foreach (var style in new[] { "\u001b[1m", "\u001b[33m", "\u001b[2m", "\u001b[0m" })
        {
            text = text.Replace(style, "", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>CommonMark link text from <paramref name="start"/> to the first unescaped ']': its text, and where the ']' ends.</summary>
    private static (string Text, int End) ReadMarkdownLinkText(string line, int start)
    {
        var text = new StringBuilder();
        for (var i = start; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\' when i + 1 < line.Length && IsAsciiPunctuation(line[i + 1]):
                    text.Append(line[++i]);
                    break;
                case '[':
                    throw new FormatException($"an unescaped '[' in the link text at {i}");
                case ']':
                    return (text.ToString(), i + 1);
                default:
                    text.Append(line[i]);
                    break;
            }
        }

        throw new FormatException("the link text does not end");
    }

    /// <summary>The characters a backslash escapes in CommonMark.</summary>
    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    private static IEnumerable<List<Post>> WithoutOnePost(List<Post> posts) =>
        Enumerable.Range(0, posts.Count).Select(i => posts.Where((_, j) => j != i).ToList());
}

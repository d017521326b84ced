using RedditTop.Reddit.Auth;

namespace RedditTop.Tests.Reddit.Auth;

/// <summary>
/// praw.ini read by the rules of Python's configparser as PRAW sets it up; every expectation here is what Python 3.11's
/// <c>configparser.ConfigParser(interpolation=None)</c> gives for the same text.
/// </summary>
public sealed class PrawIniTests
{
    private const string File = "/home/me/.config/praw.ini";

    [Fact]
    public void Site_NamedSection_InheritsDefaultAndOverridesIt()
    {
        var sut = Read("[DEFAULT]\nclient_id=d\nuser_agent=u\n[bot1]\nclient_secret=s\nuser_agent=own\n");

        Assert.Equal(new Dictionary<string, string> { ["client_id"] = "d", ["user_agent"] = "own", ["client_secret"] = "s" }, Texts(sut.Site("bot1")));
        Assert.Equal("DEFAULT", sut.Site("bot1")!["client_id"].Section);
        Assert.Equal(("bot1", 6), (sut.Site("bot1")!["user_agent"].Section, sut.Site("bot1")!["user_agent"].Line));
    }

    [Fact]
    public void Site_DefaultWithoutAnyFile_IsThereAndEmpty()
    {
        var sut = new PrawIni();

        Assert.Empty(sut.Site("DEFAULT")!);
        Assert.True(sut.HasSection("DEFAULT"));
    }

    [Theory]
    [InlineData("bot2")]
    [InlineData("BOT1")] // section names are case-sensitive
    [InlineData("default")] // so is DEFAULT
    public void Site_NoSuchSection_IsNull(string name) =>
        Assert.Null(Read("[bot1]\nclient_id=x\n").Site(name));

    [Fact]
    public void Read_KeysAreLowerCasedAndBothDelimitersWork_FirstDelimiterSplits()
    {
        var sut = Read("[s]\nClient_ID = a\nuser_agent: linux:bot:1.0 (by /u/me)\nx:b=c\n  y = z\n");

        Assert.Equal(
            new Dictionary<string, string> { ["client_id"] = "a", ["user_agent"] = "linux:bot:1.0 (by /u/me)", ["x"] = "b=c\ny = z" },
            Texts(sut.Site("s")));
    }

    [Fact]
    public void Read_CommentsOnlyOnLinesOfTheirOwn()
    {
        var sut = Read("# top\n[s]\n; a comment\na=1 ; not a comment\nb=2 # nor this\n   # indented comment\n");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1 ; not a comment", ["b"] = "2 # nor this" }, Texts(sut.Site("s")));
    }

    [Fact]
    public void Read_IndentedLines_ContinueTheValue_BlankLinesKeptInsideDroppedAtTheEnd_CommentsSkipped()
    {
        var sut = Read("[s]\nk = a\n  b\n\n  c\n# c\n  d\n\n\nj=1\nempty =\n  x\n");

        Assert.Equal(new Dictionary<string, string> { ["k"] = "a\nb\n\nc\nd", ["j"] = "1", ["empty"] = "\nx" }, Texts(sut.Site("s")));
    }

    [Fact]
    public void Read_IndentedHeaderAfterAKey_IsPartOfTheValue()
    {
        var sut = Read("[s]\na=1\n  [t]\n");

        Assert.Equal("1\n[t]", sut.Site("s")!["a"].Text);
        Assert.Null(sut.Site("t"));
    }

    [Fact]
    public void Read_Headers_UpToTheLastBracketAsWritten()
    {
        var sut = Read("[ bot1 ] trailing\nk=v\n[a]b]\nk=w\n");

        Assert.Equal("v", sut.Site(" bot1 ")!["k"].Text);
        Assert.Equal("w", sut.Site("a]b")!["k"].Text);
    }

    [Fact]
    public void Read_EveryLineEnding_AsPythonsTextFiles()
    {
        var sut = Read("[s]\r\na=1\r\nb=2\rc=3\n");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" }, Texts(sut.Site("s")));
    }

    [Fact]
    public void Read_NoInterpolation_PercentSignsAsWritten()
    {
        var sut = Read("[DEFAULT]\nclient_secret=a%%b%\n[bot1]\nuser_agent=%(client_id)s x\n");

        Assert.Equal("a%%b%", sut.Site("bot1")!["client_secret"].Text);
        Assert.Equal("%(client_id)s x", sut.Site("bot1")!["user_agent"].Text);
    }

    [Fact]
    public void Read_DefaultOpenedTwice_IsAllowed()
    {
        var sut = Read("[DEFAULT]\na=1\n[DEFAULT]\nb=2\n");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, Texts(sut.Site("DEFAULT")));
    }

    [Theory]
    [InlineData("[s]\na=1\n[s]\nb=2\n", "/home/me/.config/praw.ini, line 3: section [s] appears twice")]
    [InlineData("[s]\na=1\nA=2\n", "/home/me/.config/praw.ini, line 3: key 'a' appears twice in [s]")]
    [InlineData("[DEFAULT]\na=1\n[DEFAULT]\na=2\n", "/home/me/.config/praw.ini, line 4: key 'a' appears twice in [DEFAULT]")]
    [InlineData("\n# c\nclient_id=1\n[s]\n", "/home/me/.config/praw.ini, line 3: a line before the first [section]")]
    [InlineData("[s]\nb=1\nclient_secret hunter2-secret\n=x\n", "/home/me/.config/praw.ini, line 3: neither a [section] nor a key = value (and 1 more line like it)")]
    [InlineData("[]\n", "/home/me/.config/praw.ini, line 1: a line before the first [section]")]
    public void Read_WhatConfigparserRefuses_NamesFileAndLineButNoValue(string text, string expected)
    {
        var e = Assert.Throws<PrawIniException>(() => Read(text));

        Assert.Equal(expected, e.Message);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLineThenDuplicate_TheDuplicateIsReportedFirstAsInPython()
    {
        var e = Assert.Throws<PrawIniException>(() => Read("[s]\nfoo\na=1\na=2\n"));

        Assert.Equal($"{File}, line 4: key 'a' appears twice in [s]", e.Message);
    }

    [Fact]
    public void Read_TwoFiles_MergedKeyByKeyTheLaterWinning()
    {
        var sut = new PrawIni();
        sut.Read("[DEFAULT]\nuser_agent=home\n[bot1]\nclient_id=home-id\nclient_secret=home-secret\n[bot2]\nclient_id=b2\n", File);
        sut.Read("[bot1]\nclient_id=here-id\n[bot3]\nclient_id=b3\n", "/work/praw.ini");

        var bot1 = sut.Site("bot1")!;
        Assert.Equal(("here-id", "/work/praw.ini"), (bot1["client_id"].Text, bot1["client_id"].File));
        Assert.Equal(("home-secret", File), (bot1["client_secret"].Text, bot1["client_secret"].File));
        Assert.Equal("home", bot1["user_agent"].Text);
        Assert.Equal(["bot1", "bot2", "bot3"], sut.Sections);
    }

    [Fact]
    public void Read_SameSectionInTwoFiles_IsNoDuplicate() =>
        Assert.Equal("2", Read("[s]\na=1\n", "[s]\na=2\n").Site("s")!["a"].Text);

    private static PrawIni Read(params string[] texts)
    {
        var sut = new PrawIni();
        foreach (var text in texts)
        {
            sut.Read(text, File);
        }

        return sut;
    }

    private static Dictionary<string, string> Texts(IReadOnlyDictionary<string, PrawIniValue>? site) =>
        site!.ToDictionary(p => p.Key, p => p.Value.Text);
}

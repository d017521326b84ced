using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Reddit;

/// <summary>Which posts a run shows: each filter as a table of posts kept and dropped.</summary>
public sealed class PostFilterTests
{
    private static readonly Post Plain = new("A post", 100, "https://example.com/a", Id: "1abc", Domain: "example.com", Flair: "Discussion");

    [Theory]
    [InlineData(null, 100, true)]
    [InlineData(100, 100, true)]
    [InlineData(100, 101, true)]
    [InlineData(100, 99, false)]
    [InlineData(0, 0, true)]
    [InlineData(0, -5, false)]
    [InlineData(-10, -5, true)]
    public void Keeps_MinScore_KeepsScoresFromThatOn(int? minScore, int score, bool kept)
    {
        var sut = new PostFilter(MinScore: minScore);

        Assert.Equal(kept, sut.Keeps(Plain with { Score = score }));
    }

    [Theory]
    [InlineData(false, false, false, false, true)]
    [InlineData(false, false, true, true, true)]
    [InlineData(true, false, false, false, true)]
    [InlineData(true, false, true, false, false)]
    [InlineData(true, false, false, true, true)]
    [InlineData(false, true, false, false, true)]
    [InlineData(false, true, false, true, false)]
    [InlineData(false, true, true, false, true)]
    [InlineData(true, true, true, true, false)]
    [InlineData(true, true, false, false, true)]
    public void Keeps_NoNsfwNoStickied_DropThosePosts(bool noNsfw, bool noStickied, bool over18, bool stickied, bool kept)
    {
        var sut = new PostFilter(NoNsfw: noNsfw, NoStickied: noStickied);

        Assert.Equal(kept, sut.Keeps(Plain with { Over18 = over18, Stickied = stickied }));
    }

    [Theory]
    [InlineData("youtube.com", "youtube.com", true)]
    [InlineData("youtube.com", "YouTube.COM", true)]
    [InlineData("YOUTUBE.com", "youtube.com", true)]
    [InlineData("youtube.com", "m.youtube.com", true)]
    [InlineData("youtube.com", "www.youtube.com", true)]
    [InlineData("youtube.com", "a.b.youtube.com", true)]
    [InlineData("youtube.com", "notyoutube.com", false)]
    [InlineData("youtube.com", "youtube.com.evil.example", false)]
    [InlineData("youtube.com", "youtu.be", false)]
    [InlineData("m.youtube.com", "youtube.com", false)]
    [InlineData("m.youtube.com", "m.youtube.com", true)]
    [InlineData("www.youtube.com", "youtube.com", true)]
    [InlineData("www.youtube.com", "m.youtube.com", true)]
    [InlineData("WWW.youtube.com", "www.youtube.com", true)]
    [InlineData("youtube.com.", "youtube.com", true)]
    [InlineData(" youtube.com ", "youtube.com", true)]
    [InlineData("redd.it", "i.redd.it", true)]
    [InlineData("redd.it", "v.redd.it", true)]
    [InlineData("self.python", "self.python", true)]
    [InlineData("self.python", "self.rust", false)]
    [InlineData("youtube.com,redd.it", "v.redd.it", true)]
    [InlineData("youtube.com,redd.it", "github.com", false)]
    [InlineData("youtube.com", null, false)]
    [InlineData("youtube.com", "", false)]
    public void Keeps_Domains_KeepsTheseDomainsAndTheirSubdomains(string domains, string? domain, bool kept)
    {
        var sut = new PostFilter(Domains: domains.Split(','));

        Assert.Equal(kept, sut.Keeps(Plain with { Domain = domain }));
    }

    [Theory]
    [InlineData("Discussion", "Discussion", true)]
    [InlineData("discussion", "Discussion", true)]
    [InlineData("CUSS", "Discussion", true)]
    [InlineData("help", "Help Wanted", true)]
    [InlineData("wanted", "Help Wanted", true)]
    [InlineData("news", "Discussion", false)]
    [InlineData("help wanted", "Help", false)]
    [InlineData("discussion", null, false)]
    [InlineData("ünïcode", "ÜNÏCODE flair", true)]
    public void Keeps_Flair_KeepsFlairContainingTheText(string flair, string? postFlair, bool kept)
    {
        var sut = new PostFilter(Flair: flair);

        Assert.Equal(kept, sut.Keeps(Plain with { Flair = postFlair }));
    }

    [Theory]
    [InlineData(100, false, false, "m.example.com", "Discussion", true)]
    [InlineData(99, false, false, "m.example.com", "Discussion", false)]
    [InlineData(100, true, false, "m.example.com", "Discussion", false)]
    [InlineData(100, false, true, "m.example.com", "Discussion", false)]
    [InlineData(100, false, false, "example.org", "Discussion", false)]
    [InlineData(100, false, false, "m.example.com", "News", false)]
    [InlineData(100, false, false, "youtu.be", "Discussion", true)]
    public void Keeps_EveryFilterSet_KeepsOnlyPostsPassingAll(int score, bool over18, bool stickied, string domain, string flair, bool kept)
    {
        var sut = new PostFilter(MinScore: 100, NoNsfw: true, NoStickied: true, Domains: ["example.com", "youtu.be"], Flair: "discuss");

        Assert.Equal(kept, sut.Keeps(new Post("A post", score, "https://example.com/a", Over18: over18, Stickied: stickied, Domain: domain, Flair: flair)));
    }

    [Fact]
    public void Keeps_NoFilter_KeepsEveryPost()
    {
        var sut = new PostFilter();
        var bare = new Post("Bare", -3, "https://example.com/", Over18: true, Stickied: true);

        Assert.True(sut.Keeps(bare));
        Assert.True(sut.Keeps(Plain));
    }

    [Theory]
    [InlineData(null, false, false, null, null, true)]
    [InlineData(null, false, false, "", "", true)]
    [InlineData(null, false, false, " ,", null, true)]
    [InlineData(0, false, false, null, null, false)]
    [InlineData(null, true, false, null, null, false)]
    [InlineData(null, false, true, null, null, false)]
    [InlineData(null, false, false, "youtube.com", null, false)]
    [InlineData(null, false, false, ",youtube.com", null, false)]
    [InlineData(null, false, false, null, "news", false)]
    public void IsEmpty_FiltersSetOrNot_SaysWhetherAnyIs(int? minScore, bool noNsfw, bool noStickied, string? domains, string? flair, bool empty)
    {
        var sut = new PostFilter(minScore, noNsfw, noStickied, domains?.Split(','), flair);

        Assert.Equal(empty, sut.IsEmpty);
        if (empty)
        {
            Assert.True(sut.Keeps(Plain with { Domain = null, Flair = null }));
        }
    }
}

using RedditTop.Cli;

namespace RedditTop.Tests.Cli;

public sealed class SubredditSpecTests
{
    [Theory]
    [InlineData("python", "python", null)]
    [InlineData("python:3", "python", 3)]
    [InlineData("Python:1000", "Python", 1000)]
    [InlineData("de:1", "de", 1)]
    [InlineData("dailyprogrammer", "dailyprogrammer", null)]
    [InlineData("a_very_long_name_21ch", "a_very_long_name_21ch", null)]
    [InlineData("python+rust:20", "python+rust", 20)]
    [InlineData("r/python", "python", null)]
    [InlineData("/r/Python:3", "Python", 3)]
    [InlineData("R/python/", "python", null)]
    [InlineData("/r/python+rust/:5", "python+rust", 5)]
    public void TryParse_ValidToken_ReturnsNameAndCount(string token, string expectedName, int? expectedCount)
    {
        var ok = SubredditSpec.TryParse(token, out var spec, out var error);

        Assert.True(ok, error);
        Assert.Equal(new SubredditSpec(expectedName, expectedCount), spec);
    }

    [Theory]
    [InlineData("../x", "is not a subreddit name")]
    [InlineData("py/thon", "is not a subreddit name")]
    [InlineData("r/", "is not a subreddit name")]
    [InlineData("r/r/python", "is not a subreddit name")]
    [InlineData("u/someone", "is not a subreddit name")]
    [InlineData("/r/python//", "is not a subreddit name")]
    [InlineData("p", "is not a subreddit name")]
    [InlineData("a_name_that_is_22_char", "is not a subreddit name")]
    [InlineData("pyth-on", "is not a subreddit name")]
    [InlineData("python+", "is not a subreddit name")]
    [InlineData("python:0", "from 1 to 1000")]
    [InlineData("python:1001", "from 1 to 1000")]
    [InlineData("python:abc", "from 1 to 1000")]
    [InlineData("python:-3", "from 1 to 1000")]
    [InlineData("python:", "from 1 to 1000")]
    [InlineData("python:3:4", "from 1 to 1000")]
    [InlineData(":3", "is not a subreddit name")]
    [InlineData("--bogus", "'--bogus' is not a subreddit name")]
    [InlineData("-x", "'-x' is not a subreddit name")]
    public void TryParse_InvalidToken_FailsNamingTheToken(string token, string expectedMessage)
    {
        var ok = SubredditSpec.TryParse(token, out var spec, out var error);

        Assert.False(ok);
        Assert.Null(spec);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
        Assert.Contains(token, error, StringComparison.Ordinal);
    }
}

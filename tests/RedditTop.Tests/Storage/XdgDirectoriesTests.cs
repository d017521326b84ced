using RedditTop.Storage;

namespace RedditTop.Tests.Storage;

public sealed class XdgDirectoriesTests
{
    [Theory]
    [InlineData("/xdg/cache", "/home/u", "/xdg/cache/reddittop")]
    [InlineData(null, "/home/u", "/home/u/.cache/reddittop")]
    [InlineData("", "/home/u", "/home/u/.cache/reddittop")]
    [InlineData("relative/cache", "/home/u", "/home/u/.cache/reddittop")]
    [InlineData("/xdg/cache", null, "/xdg/cache/reddittop")]
    [InlineData(null, null, null)]
    [InlineData(null, "", null)]
    public void Cache_Environment_FollowsTheXdgBaseDirectories(string? xdgCacheHome, string? home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = xdgCacheHome, ["HOME"] = home, ["XDG_STATE_HOME"] = "/xdg/state" };

        var directory = XdgDirectories.Cache(name => variables.GetValueOrDefault(name));

        Assert.Equal(expected, directory);
    }

    [Theory]
    [InlineData("/xdg/state", "/home/u", "/xdg/state/reddittop")]
    [InlineData(null, "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData("", "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData("relative/state", "/home/u", "/home/u/.local/state/reddittop")]
    [InlineData("/xdg/state", null, "/xdg/state/reddittop")]
    [InlineData(null, null, null)]
    [InlineData(null, "", null)]
    public void State_Environment_FollowsTheXdgBaseDirectories(string? xdgStateHome, string? home, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = xdgStateHome, ["HOME"] = home, ["XDG_CACHE_HOME"] = "/xdg/cache" };

        var directory = XdgDirectories.State(name => variables.GetValueOrDefault(name));

        Assert.Equal(expected, directory);
    }
}

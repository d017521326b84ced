using RedditTop.Reddit;

namespace RedditTop.Tests.Reddit;

public sealed class ServerTextTests
{
    [Fact]
    public void ToString_ControlsAndBidi_AreCleaned()
    {
        var sut = new ServerText("a\u001b[31mb\u202Ec\nd");

        Assert.Equal("a [31mbc d", sut.ToString());
    }

    [Fact]
    public void Equals_SameText_IsEqual()
    {
        Assert.Equal(new ServerText("Bad Gateway"), new ServerText("Bad Gateway"));
        Assert.NotEqual(new ServerText("Bad Gateway"), new ServerText("bad gateway"));
    }

    [Fact]
    public void ToString_Default_IsEmpty()
    {
        Assert.Equal("", default(ServerText).ToString());
    }
}

using RedditTop.Cli;

namespace RedditTop.Tests.Cli;

public sealed class BaseUrlRulesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("https://reddit.example/api/")]
    public void TryParse_AbsoluteHttpOrHttps_IsTrue(string text) =>
        Assert.True(BaseUrlRules.TryParse(text, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost:5000")]
    [InlineData("ftp://example.com")]
    [InlineData("https://example.com/?q=1")]
    [InlineData("https://example.com/#top")]
    public void TryParse_AnythingElse_IsFalse(string? text) =>
        Assert.False(BaseUrlRules.TryParse(text, out _));

    [Theory]
    [InlineData("https://example.com", false)]
    [InlineData("http://localhost:1", false)]
    [InlineData("http://localhost.:1", false)]
    [InlineData("http://LOCALHOST.:1/reddit", false)]
    [InlineData("http://example.com", true)]
    public void TransportProblem_HttpsLoopbackOrInsecure_IsNone(string url, bool insecure) =>
        Assert.Null(BaseUrlRules.TransportProblem("--base-url", new Uri(url), insecure));

    [Fact]
    public void NotABaseUrl_WithPassword_DoesNotRepeatIt() =>
        Assert.Equal("X: 'https://…@example.com/?q' is not an absolute http or https URL (without query)", BaseUrlRules.NotABaseUrl("X", "https://me:secret@example.com/?q"));
}

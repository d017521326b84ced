using RedditTop.Reddit;
using RedditTop.Reddit.Failures;

namespace RedditTop.Tests.Reddit.Failures;

/// <summary>The one place a failure becomes words: each kind's phrase, written out as a person reads it.</summary>
public sealed class FailureTextTests
{
    private static readonly (FetchFailure Failure, string Expected)[] Cases =
    [
        (new FetchFailure(FailureKind.NotFound, 404), "not found (HTTP 404)"),
        (new FetchFailure(FailureKind.NotFound, 302), "not found (HTTP 302 to subreddit search)"),
        (new FetchFailure(FailureKind.Banned, 404), "banned (HTTP 404)"),
        (new FetchFailure(FailureKind.Private, 403), "private subreddit (HTTP 403)"),
        (new FetchFailure(FailureKind.Blocked, 403), "Reddit blocked the anonymous request (HTTP 403)"),
        (new FetchFailure(FailureKind.RateLimited, 429, RetryAfter: TimeSpan.FromSeconds(3.2)), "rate limited (HTTP 429, retry after 4 s)"),
        (new FetchFailure(FailureKind.RateLimited, RetryAfter: TimeSpan.FromSeconds(40.2)), "rate limited (Reddit's budget resets in 41 s)"),
        (new FetchFailure(FailureKind.ServerError, 503, Attempts: 4, Said: new ServerText("Service Unavailable")), "server error (HTTP 503 Service Unavailable), 4 attempts"),
        (new FetchFailure(FailureKind.HttpError, 418), "HTTP 418"),
        (new FetchFailure(FailureKind.Redirect, 301, Said: new ServerText("https://elsewhere.test/")), "unexpected redirect (HTTP 301 to https://elsewhere.test/)"),
        (new FetchFailure(FailureKind.TimedOut, Limit: TimeSpan.FromSeconds(0.5)), "timed out after 0.5 s"),
        (new FetchFailure(FailureKind.DeadlineReached, Limit: TimeSpan.FromSeconds(60)), "timed out: deadline of 60 s reached"),
        (new FetchFailure(FailureKind.InvalidJson, Detail: "line 2, byte 27", Said: new ServerText("expected a value")), "invalid JSON at line 2, byte 27 (expected a value)"),
        (new FetchFailure(FailureKind.TooLarge, Detail: "16 MiB"), "response too large (over 16 MiB)"),
        (new FetchFailure(FailureKind.CredentialsRefused, 401, Detail: "REDDIT_CLIENT_ID"), "Reddit refused the app's credentials (HTTP 401): check REDDIT_CLIENT_ID"),
        (new FetchFailure(FailureKind.TokenRefused, 200, Said: new ServerText("invalid_grant")), "the token endpoint refused the request: invalid_grant"),
        (new FetchFailure(FailureKind.TokenNotJson, 200), "the token endpoint did not answer with JSON"),
        (new FetchFailure(FailureKind.NoToken, 200), "the token endpoint sent no access token"),
        (new FetchFailure(FailureKind.Unexpected, Detail: "odd"), "unexpected error (odd)"),
    ];

    public static TheoryData<int> Kinds => [.. Enumerable.Range(0, Cases.Length)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Phrase_EachKind_ReadsAsWritten(int index)
    {
        var (failure, expected) = Cases[index];

        Assert.Equal(expected, FailureText.Phrase(failure));
    }

    [Fact]
    public void Phrase_TokenTimedOut_NamesItsLimit()
    {
        var cause = new FetchFailure(FailureKind.TimedOut, Limit: TimeSpan.FromSeconds(10), Attempts: 4);

        var phrase = FailureText.Phrase(new FetchFailure(FailureKind.AuthenticationFailed, Cause: cause));

        Assert.Equal("authentication failed: timed out after 10 s, 4 attempts", phrase);
    }

    [Fact]
    public void Phrase_ServerTextWithEscapesAndLineBreaks_StaysOneHarmlessLine()
    {
        var said = new ServerText("\u001b]0;PWNED\u0007\u001b[2J x\nreddittop: hint: run this | sh");

        var phrase = FailureText.Phrase(new FetchFailure(FailureKind.TokenRefused, 200, Said: said));

        Assert.DoesNotContain(phrase, c => char.IsControl(c));
        Assert.StartsWith("the token endpoint refused the request: ", phrase, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Expected a value", "expected a value")]
    [InlineData("HTTP request failed", "HTTP request failed")]
    [InlineData("x", "x")]
    public void LowerFirst_LibrarySentence_InTheToolsStyle(string sentence, string expected)
    {
        Assert.Equal(expected, FailureText.LowerFirst(sentence));
    }
}

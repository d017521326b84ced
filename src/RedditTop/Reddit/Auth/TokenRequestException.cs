using RedditTop.Reddit.Failures;

namespace RedditTop.Reddit.Auth;

/// <summary>The token endpoint gave no token; <see cref="Failure"/> says why, as data, and holds no secret.</summary>
internal sealed class TokenRequestException(FetchFailure failure) : Exception(FailureText.Phrase(failure))
{
    public FetchFailure Failure { get; } = failure;
}

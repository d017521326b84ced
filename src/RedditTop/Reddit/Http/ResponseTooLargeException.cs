using RedditTop.Storage;

namespace RedditTop.Reddit.Http;

/// <summary>Thrown by <see cref="ResponseBody"/> when a body grows past its cap.</summary>
internal sealed class ResponseTooLargeException(long limit) : IOException($"the response is larger than {ByteSize.Format(limit)}")
{
    public long Limit { get; } = limit;
}

using System.Net;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using RedditTop.Reddit;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Storage;
using RedditTop.Tests.Support;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Http;

public sealed class ResponseBodyTests
{
    [Fact]
    public async Task ReadAsync_WithinTheLimit_ReadsEverything()
    {
        await using var sut = ResponseBody.Over(new MemoryStream(new byte[1000]), new BodyLimits(TimeSpan.FromSeconds(10), 1000), new FakeTimeProvider());

        var read = await ReadAllAsync(sut);

        Assert.Equal(1000, read);
    }

    [Fact]
    public async Task ReadAsync_PastTheLimit_ThrowsOnceTheLimitIsCrossed()
    {
        await using var sut = ResponseBody.Over(new MemoryStream(new byte[1001]), new BodyLimits(TimeSpan.FromSeconds(10), 1000), new FakeTimeProvider());

        var e = await Assert.ThrowsAsync<ResponseTooLargeException>(() => ReadAllAsync(sut));

        Assert.Equal(1000, e.Limit);
    }

    [Fact]
    public async Task ReadAsync_BodyStallsPastTheTimeout_ThrowsTimeoutRejectedWithTheLimit()
    {
        var time = new FakeTimeProvider();
        await using var sut = ResponseBody.Over(new StalledStream(), new BodyLimits(TimeSpan.FromSeconds(3), 1000), time);

        var read = sut.ReadAsync(new byte[10], TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<TimeoutRejectedException>(() => read);
        Assert.Equal(TimeSpan.FromSeconds(3), e.Timeout);
    }

    [Fact]
    public async Task ReadAsync_BrotliThatDoesNotDecompress_ThrowsInvalidData()
    {
        var garbage = new MemoryStream([.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        await using var sut = ResponseBody.Over(new System.IO.Compression.BrotliStream(garbage, System.IO.Compression.CompressionMode.Decompress), new BodyLimits(TimeSpan.FromSeconds(10), 1000), new FakeTimeProvider());

        await Assert.ThrowsAsync<InvalidDataException>(async () => await sut.ReadAtLeastAsync(new byte[100], 100, throwOnEndOfStream: false, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        var time = new FakeTimeProvider();
        await using var sut = ResponseBody.Over(new StalledStream(), new BodyLimits(TimeSpan.FromSeconds(3), 1000), time);
        using var cancel = new CancellationTokenSource();

        var read = sut.ReadAsync(new byte[10], cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public async Task GetPostsAsync_BodyStallsPastTheTimeout_FailsAsTimedOutWithTheLimit()
    {
        var time = new FakeTimeProvider();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StalledStream()) });
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = 0, Timeout = TimeSpan.FromSeconds(4) }, time, network: mock);

        var fetch = sut.GetPostsAsync(new SubredditQuery("askreddit", 10), CancellationToken.None);
        while (!fetch.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        var result = await fetch;
        Assert.Equal(FailureKind.TimedOut, result.Failure!.Kind);
        Assert.Equal("timed out after 4 s", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_BodyWithoutLengthOverTheCap_FailsAsTooLarge()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new UnknownLengthContent(TestFiles.Read("listing_top.json")) });
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = 0, MaxResponseBytes = 64 << 10 }, new FakeTimeProvider(), network: mock);

        var result = await sut.GetPostsAsync(new SubredditQuery("askreddit", 10), CancellationToken.None);

        Assert.Equal(FailureKind.TooLarge, result.Failure!.Kind);
        Assert.Equal("response too large (over 64 KiB)", result.Error);
    }

    [Fact]
    public async Task GetPostsAsync_ContentLengthOverTheCap_FailsBeforeReading()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", TestFiles.Read("listing_top.json"));
        using var sut = RedditClient.Create(new Uri("https://reddit.test"), new RedditClientOptions { Retries = 0, MaxResponseBytes = 1000 }, new FakeTimeProvider(), network: mock);

        var result = await sut.GetPostsAsync(new SubredditQuery("askreddit", 10), CancellationToken.None);

        Assert.Equal("response too large (over 1000 bytes)", result.Error);
    }

    private static async Task<int> ReadAllAsync(Stream stream)
    {
        var buffer = new byte[300];
        int read, total = 0;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>A JSON body sent chunked: no Content-Length, so only counting while reading can catch its size.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _body;

        public UnknownLengthContent(string body)
        {
            _body = System.Text.Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_body, writable: false));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

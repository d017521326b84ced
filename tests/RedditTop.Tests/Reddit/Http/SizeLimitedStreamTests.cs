using System.Net;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Reddit.Failures;
using RedditTop.Reddit.Http;
using RedditTop.Reddit;
using RedditTop.Tests.TestData;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Reddit.Http;

public sealed class SizeLimitedStreamTests
{
    [Fact]
    public async Task ReadAsync_WithinTheLimit_ReadsEverything()
    {
        await using var sut = new SizeLimitedStream(new MemoryStream(new byte[1000]), 1000);

        var read = await ReadAllAsync(sut);

        Assert.Equal(1000, read);
    }

    [Fact]
    public async Task ReadAsync_PastTheLimit_ThrowsOnceTheLimitIsCrossed()
    {
        await using var sut = new SizeLimitedStream(new MemoryStream(new byte[1001]), 1000);

        var e = await Assert.ThrowsAsync<ResponseTooLargeException>(() => ReadAllAsync(sut));

        Assert.Equal(1000, e.Limit);
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

    [Fact]
    public void Size_Phrase_UsesTheLargestWholeUnit()
    {
        Assert.Equal("16 MiB", FailureReasons.Size(16 << 20));
        Assert.Equal("64 KiB", FailureReasons.Size(64 << 10));
        Assert.Equal("1000 bytes", FailureReasons.Size(1000));
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

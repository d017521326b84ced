using System.Threading.Channels;
using RedditTop.Output;
using RedditTop.Reddit;

namespace RedditTop.Tests.Output;

public sealed class ArgumentOrderTests
{
    [Fact]
    public async Task InArgumentOrderAsync_ResultsArriveShuffled_YieldsEachOnceItAndAllBeforeItAreDone()
    {
        SubredditQuery[] queries = [new("a", 1), new("b", 1), new("c", 1), new("d", 1)];
        var arrivals = Channel.CreateUnbounded<SubredditResult>();
        await using var ordered = arrivals.Reader.ReadAllAsync(TestContext.Current.CancellationToken).InArgumentOrderAsync(queries, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        // c and b arrive before a: nothing can go yet.
        arrivals.Writer.TryWrite(Done(queries[2]));
        arrivals.Writer.TryWrite(Done(queries[1]));
        var next = ordered.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);

        // a arrives: a, b, c go at once; d is still missing.
        arrivals.Writer.TryWrite(Done(queries[0]));
        Assert.True(await next);
        Assert.Same(queries[0], ordered.Current.Query);
        Assert.True(await ordered.MoveNextAsync());
        Assert.Same(queries[1], ordered.Current.Query);
        Assert.True(await ordered.MoveNextAsync());
        Assert.Same(queries[2], ordered.Current.Query);

        arrivals.Writer.TryWrite(Done(queries[3]));
        arrivals.Writer.Complete();
        Assert.True(await ordered.MoveNextAsync());
        Assert.Same(queries[3], ordered.Current.Query);
        Assert.False(await ordered.MoveNextAsync());
    }

    [Fact]
    public async Task InArgumentOrderAsync_SameSubredditNamedTwice_KeepsBothInTheirPlaces()
    {
        SubredditQuery[] queries = [new("python", 1), new("rust", 1), new("python", 1)];
        SubredditResult[] arrivals = [Done(queries[2]), Done(queries[1]), Done(queries[0])];

        var ordered = new List<SubredditQuery>();
        await foreach (var result in arrivals.ToAsyncEnumerable().InArgumentOrderAsync(queries, TestContext.Current.CancellationToken))
        {
            ordered.Add(result.Query);
        }

        Assert.Equal(3, ordered.Count);
        Assert.All(ordered.Zip(queries), pair => Assert.Same(pair.Second, pair.First));
    }

    private static SubredditResult Done(SubredditQuery query) => SubredditResult.Success(query, []);
}

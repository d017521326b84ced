using Xunit.Abstractions;

// xunit finds the orderer by its type and assembly names.
[assembly: TestCollectionOrderer("RedditTop.Tests.Support.EndToEndFirstCollectionOrderer", "RedditTop.Tests")]

namespace RedditTop.Tests.Support;

/// <summary>
/// Starts the end-to-end test classes first: each runs the real program many times and waits on its time-outs and
/// backoffs, so started last, one of them would run on alone after everything else. The quick classes fill in around
/// them. Only the order in which classes start changes: which run in parallel, and the collections that run alone
/// after the others (the soak), stay as they are.
/// </summary>
public sealed class EndToEndFirstCollectionOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderByDescending(collection => collection.DisplayName.Contains(".EndToEnd.", StringComparison.Ordinal))
            .ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}

using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(RedditTop.Tests.Support.EndToEndFirstCollectionOrderer))]

namespace RedditTop.Tests.Support;

/// <summary>
/// Starts the end-to-end test classes first: each runs the real program many times and waits on its time-outs and
/// backoffs, so started last, one of them would run on alone after everything else. The quick classes fill in around
/// them. Only the order in which classes start changes: which run in parallel, and the collections that run alone
/// after the others (the soak), stay as they are.
/// </summary>
public sealed class EndToEndFirstCollectionOrderer : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections
            .OrderByDescending(collection => collection.TestCollectionDisplayName.Contains(".EndToEnd.", StringComparison.Ordinal))
            .ThenBy(collection => collection.TestCollectionDisplayName, StringComparer.Ordinal)];
}

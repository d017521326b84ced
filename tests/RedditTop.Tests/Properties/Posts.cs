using FsCheck;
using FsCheck.Fluent;
using RedditTop.Reddit.Listings;

namespace RedditTop.Tests.Properties;

/// <summary>Posts whose every field is arbitrary: hostile text, any score, times that are no time at all.</summary>
internal static class Posts
{
    /// <summary>Times a post could claim: typical ones, fractions, far past and future, and values that are no time.</summary>
    private static readonly Gen<double> AnyTime = Gen.Frequency(
        (4, Gen.Choose(1_100_000_000, 1_900_000_000).Select(s => (double)s)),
        (2, Gen.Choose(int.MinValue, int.MaxValue).Zip(Gen.Choose(-8, 14)).Select(t => t.Item1 * Math.Pow(10, t.Item2))),
        (2, Gen.Elements(
            0.0, -0.0, 1700000000.5, double.Epsilon, 1e11, -1e11, 99_999_999_999.999, -62_135_596_800.0, -62_135_596_801.0,
            253_402_300_799.0, 253_402_300_800.0, -7e10, double.MaxValue, double.MinValue)),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)));

    private static readonly Gen<int> AnyInt = Gen.Frequency(
        (4, Gen.Choose(-1000, 100_000)),
        (2, Gen.Choose(int.MinValue, int.MaxValue)),
        (1, Gen.Elements(int.MinValue, int.MaxValue, 0, -1)));

    /// <summary>A post with <paramref name="text"/> in every text field; with <paramref name="finiteTimes"/>, a time is a number JSON can hold.</summary>
    public static Gen<Post> Any(Gen<string> text, bool finiteTimes = false)
    {
        var time = finiteTimes ? AnyTime.Where(double.IsFinite) : AnyTime;
        return
            from title in text
            from score in AnyInt
            from url in text
            from id in text.OrNull()
            from permalink in Gen.Frequency((2, text), (1, Gen.Elements("/r/test/comments/abc/title/", "//evil.example/x", "https://x.test/", "\\\\x")))
                .OrNull()
            from subreddit in text.OrNull()
            from created in time.OrNone()
            from author in text.OrNull()
            from comments in AnyInt.OrNone()
            from flags in Gen.Choose(0, 3)
            from domain in text.OrNull()
            from flair in text.OrNull()
            select new Post(title, score, url, id, permalink, subreddit, created, author, comments, Over18: (flags & 1) != 0,
                Stickied: (flags & 2) != 0, domain, flair);
    }

    /// <summary>Which posts the properties treat as new to the user: those with an even score, so both kinds are generated.</summary>
    public static bool NewWhenEvenScore(Post post) => (post.Score & 1) == 0;

    /// <summary>Up to <paramref name="max"/> posts.</summary>
    public static Gen<List<Post>> ListOf(Gen<string> text, int max = 12, bool finiteTimes = false) =>
        Gen.Choose(0, max).SelectMany(count => Any(text, finiteTimes).ListOf(count).Select(posts => posts.ToList()));
}

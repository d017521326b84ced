using FsCheck;
using FsCheck.Fluent;

namespace RedditTop.Tests.Properties;

internal static class GenExtensions
{
    /// <summary>A value, or now and then none: <c>OrNull</c> for value types.</summary>
    public static Gen<T?> OrNone<T>(this Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (4, gen.Select(value => (T?)value)));
}

namespace RedditTop;

/// <summary>
/// The one spelling of a choice's values, on the command line and on the wire: a member's name in lower case
/// (<c>ListingSort.Top</c> is <c>top</c>, <c>OutputFormat.Jsonl</c> is <c>jsonl</c>), listed in declaration order.
/// </summary>
internal static class EnumNames
{
    /// <summary>Every member's name, in declaration order.</summary>
    public static IReadOnlyList<string> Of<T>()
        where T : struct, Enum => Names<T>.All;

    /// <summary>The name of <paramref name="value"/>; a value that is no member has none.</summary>
    public static string ToName<T>(this T value)
        where T : struct, Enum
    {
        var index = Array.IndexOf(Names<T>.Values, value);
        return index >= 0
            ? Names<T>.All[index]
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not one of {string.Join(", ", Names<T>.All)}.");
    }

    /// <summary>The member named <paramref name="text"/>, in any case.</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        var index = Array.IndexOf(Names<T>.All, text.ToLowerInvariant());
        value = index >= 0 ? Names<T>.Values[index] : default;
        return index >= 0;
    }

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        public static readonly string[] All = Array.ConvertAll(Values, static value => value.ToString().ToLowerInvariant());
    }
}

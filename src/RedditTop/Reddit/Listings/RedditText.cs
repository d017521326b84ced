namespace RedditTop.Reddit.Listings;

/// <summary>
/// Undoes Reddit's legacy HTML escaping. Without <c>raw_json=1</c> Reddit sends <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> as entities (<c>Q&amp;amp;A</c>). We always ask for raw JSON, but a server may ignore the flag.
/// </summary>
internal static class RedditText
{
    /// <summary>
    /// Decodes the listing's posts when they are escaped. A listing is taken as escaped when none of its titles or
    /// URLs holds a bare <c>&amp;</c>, <c>&lt;</c> or <c>&gt;</c> (a raw listing would show them), so a title
    /// that really reads <c>&amp;amp;</c> in a raw listing is left alone whenever the listing shows it is raw.
    /// </summary>
    public static IReadOnlyList<Post> DecodeIfEscaped(IReadOnlyList<Post> posts)
    {
        if (posts.Any(p => HasBareSpecial(p.Title) || HasBareSpecial(p.Url)))
        {
            return posts;
        }

        // Every text field the server sends is escaped alike, so every one is decoded alike.
        return posts.Select(p => p with
        {
            Title = Decode(p.Title),
            Url = Decode(p.Url),
            Author = DecodeOrNull(p.Author),
            Flair = DecodeOrNull(p.Flair),
            Domain = DecodeOrNull(p.Domain),
            Permalink = DecodeOrNull(p.Permalink),
        }).ToList();
    }

    /// <summary>Decodes the three entities Reddit escapes; <c>&amp;</c> last, so <c>&amp;amp;lt;</c> becomes <c>&amp;lt;</c>.</summary>
    public static string Decode(string text) =>
        !text.Contains('&')
            ? text
            : text.Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal);

    private static string? DecodeOrNull(string? text) => text is null ? null : Decode(text);

    private static bool HasBareSpecial(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '>':
                    return true;
                case '&' when !StartsWithEntity(text.AsSpan(i)):
                    return true;
            }
        }

        return false;
    }

    private static bool StartsWithEntity(ReadOnlySpan<char> text) =>
        text.StartsWith("&amp;", StringComparison.Ordinal)
        || text.StartsWith("&lt;", StringComparison.Ordinal)
        || text.StartsWith("&gt;", StringComparison.Ordinal)
        || text.StartsWith("&#", StringComparison.Ordinal)
        || text.StartsWith("&quot;", StringComparison.Ordinal);
}

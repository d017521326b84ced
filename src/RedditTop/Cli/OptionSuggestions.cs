namespace RedditTop.Cli;

/// <summary>
/// What an unknown option was probably meant to be: the long option names closest to it by edit distance (a letter
/// missing, extra, changed or two swapped counts one), or the one long name it is the start of. <c>--limt</c> gives
/// <c>--limit</c>, <c>-limit</c> and <c>--colour</c> give theirs, <c>--max</c> gives <c>--max-concurrency</c>; a short
/// option (<c>-x</c>) is one letter from every other and gets no suggestion.
/// </summary>
internal static class OptionSuggestions
{
    /// <summary>The suggestions for <paramref name="token"/> (its part before a '=') among <paramref name="names"/>, best first.</summary>
    public static IReadOnlyList<string> For(string token, IEnumerable<string> names)
    {
        var typed = Bare(token.Split('=', 2)[0]);
        var longNames = names.Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        if (typed.Length is < 2 or > MaxTyped || longNames.Count == 0)
        {
            return [];
        }

        var ranked = longNames
            .Select(name => (name, distance: Distance(typed, Bare(name))))
            .Where(m => m.distance <= MaxDistance(Bare(m.name)))
            .ToList();
        if (ranked.Count > 0)
        {
            var best = ranked.Min(m => m.distance);
            return [.. ranked.Where(m => m.distance == best).Select(m => m.name)];
        }

        var extended = longNames.Where(n => typed.Length >= 3 && Bare(n).StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return extended.Count == 1 ? extended : [];
    }

    /// <summary>The message's tail: <c> (did you mean '--limit'?)</c>, or empty when there is nothing to suggest.</summary>
    public static string Hint(IReadOnlyList<string> suggestions) => suggestions.Count switch
    {
        0 => "",
        1 => $" (did you mean '{suggestions[0]}'?)",
        _ => $" (did you mean {string.Join(", ", suggestions.SkipLast(1).Select(s => $"'{s}'"))} or '{suggestions[^1]}'?)",
    };

    /// <summary>Longer than any option name by far: no typo of one, and not worth a distance table.</summary>
    private const int MaxTyped = 64;

    private static string Bare(string name) => name.TrimStart('-');

    /// <summary>One edit in a short name, two from five letters, three from nine: a typo, not another word.</summary>
    private static int MaxDistance(string name) => name.Length switch
    {
        < 5 => 1,
        < 9 => 2,
        _ => 3,
    };

    /// <summary>Optimal string alignment distance, case-insensitive: insertions, deletions, changes and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

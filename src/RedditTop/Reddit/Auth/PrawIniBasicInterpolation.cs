using System.Text;

namespace RedditTop.Reddit.Auth;

/// <summary>
/// configparser's <c>BasicInterpolation.before_get</c> and <c>_interpolate_some</c>: <c>%(key)s</c> is the value of
/// <c>key</c> (lower-cased) in the same site, <c>[DEFAULT]</c> included, itself interpolated when it holds a <c>%</c>;
/// <c>%%</c> is <c>%</c>; any other <c>%</c> is an error. At most <see cref="MaxDepth"/> levels, as
/// <c>MAX_INTERPOLATION_DEPTH</c>; and, which Python does not check, at most <see cref="MaxLength"/> characters, since
/// ten levels of doubling references would make a value of a gigabyte from a file of a few lines.
/// </summary>
internal static class PrawIniBasicInterpolation
{
    public const int MaxDepth = 10;

    public const int MaxLength = 64 * 1024;

    public static string Expand(string section, string key, IReadOnlyDictionary<string, PrawIniValue> site)
    {
        var result = new StringBuilder();
        Expand(result, site[key].Text, depth: 1, section, key, site);
        return result.ToString();
    }

    private static void Expand(StringBuilder result, string rest, int depth, string section, string key, IReadOnlyDictionary<string, PrawIniValue> site)
    {
        if (depth > MaxDepth)
        {
            throw Error(site[key], section, key, $"more than {MaxDepth} levels of %(...)s");
        }

        var i = 0;
        while (i < rest.Length)
        {
            var percent = rest.IndexOf('%', i);
            if (percent < 0)
            {
                result.Append(rest, i, rest.Length - i);
                return;
            }

            result.Append(rest, i, percent - i);
            var next = percent + 1 < rest.Length ? rest[percent + 1] : '\0';
            if (next == '%')
            {
                result.Append('%');
                i = percent + 2;
            }
            else if (next == '(')
            {
                // _KEYCRE: %\(([^)]+)\)s
                var close = rest.IndexOf(')', percent + 2);
                if (close <= percent + 2 || close + 1 >= rest.Length || rest[close + 1] != 's')
                {
                    throw Error(site[key], section, key, "a '%(' not followed by a key name and ')s'");
                }

                var name = rest[(percent + 2)..close].ToLowerInvariant();
                if (!site.TryGetValue(name, out var value))
                {
                    throw Error(site[key], section, key, $"%({name})s names no key of [{section}]");
                }

                if (value.Text.Contains('%'))
                {
                    Expand(result, value.Text, depth + 1, section, key, site);
                }
                else
                {
                    result.Append(value.Text);
                }

                i = close + 2;
            }
            else
            {
                throw Error(site[key], section, key, "a '%' not followed by '%' or '(' (write a '%' as '%%')");
            }

            if (result.Length > MaxLength)
            {
                throw Error(site[key], section, key, $"longer than {MaxLength} characters once interpolated");
            }
        }
    }

    private static PrawIniException Error(PrawIniValue value, string section, string key, string reason) =>
        PrawIniException.At(value.File, value.Line, $"{key} in [{section}]: {reason}");
}

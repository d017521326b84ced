using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace RedditTop.Cli;

/// <summary>The parsers of option values: each reports a bad value in the tool's words, naming the option.</summary>
internal static class ValueParsers
{
    /// <summary>Seconds: <c>10</c>, <c>0.5</c>, <c>1e2</c>; no sign, no thousands separators.</summary>
    public const NumberStyles Decimal = NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>One of the names of <typeparamref name="T"/>, in any case.</summary>
    public static T ParseChoice<T>(ArgumentResult result, string option)
        where T : struct, Enum
    {
        var text = result.Tokens[^1].Value;
        if (!EnumNames.TryParse<T>(text, out var value))
        {
            result.AddError($"{option}: '{text}' is not {CommandDefinition.OneOf<T>()}");
        }

        return value;
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="error"/> has the text at <c>{0}</c>.</summary>
    public static T ParseNumber<T>(ArgumentResult result, T min, T max, NumberStyles styles, string error)
        where T : struct, INumber<T>
    {
        var text = result.Tokens[^1].Value;
        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value) || !T.IsFinite(value) || value < min || value > max)
        {
            result.AddError(string.Format(CultureInfo.InvariantCulture, error, text));
        }

        return value;
    }

    /// <summary>Any text but the empty one, which is <paramref name="error"/>.</summary>
    public static string ParseNonEmpty(ArgumentResult result, string error)
    {
        var text = result.Tokens[^1].Value;
        if (text.Length == 0)
        {
            result.AddError(error);
        }

        return text;
    }

    /// <summary>A base URL by <see cref="BaseUrlRules"/>.</summary>
    public static Uri? ParseBaseUrl(ArgumentResult result)
    {
        var text = result.Tokens[^1].Value;
        if (BaseUrlRules.TryParse(text, out var url))
        {
            return url;
        }

        result.AddError(text.Length == 0 ? "--base-url: the URL is empty" : BaseUrlRules.NotABaseUrl("--base-url", text));
        return null;
    }
}

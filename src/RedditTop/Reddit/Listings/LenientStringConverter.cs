using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// Reads every JSON string Reddit sends, so that one field costs at most itself:
/// <list type="bullet">
/// <item>a byte that is not UTF-8 (<c>\xff</c>, an encoded surrogate <c>\xed\xa0\x80</c>) or a lone surrogate escape
/// (<c>\ud800</c>) becomes U+FFFD, as a browser shows it, instead of failing the subreddit with
/// <c>invalid value at …title</c>;</item>
/// <item>a string longer than <see cref="MaxLength"/> characters is cut there and ends with <see cref="Cut"/>. Reddit's
/// longest fields (a title: 300 characters; a link) are far shorter, and what a run holds is then bounded by the number
/// of posts it asked for, not by what a server sends (a 15 MB title would otherwise be held as 30 MB, per post).</item>
/// </list>
/// A well-formed string of normal length is read by System.Text.Json as before.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    /// <summary>The most characters a string from Reddit keeps, <see cref="Cut"/> not counted.</summary>
    public const int MaxLength = 8192;

    /// <summary>What ends a string that was cut.</summary>
    public const char Cut = '\u2026';

    private const char Replacement = '\uFFFD';

    /// <summary>Enough bytes of a long string for <see cref="MaxLength"/> characters: an escape takes six, a UTF-8 character four at most.</summary>
    private const int LongestPrefix = (MaxLength + 1) * 6;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetString(); // a number or a list where text belongs fails as before, with its path
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= MaxLength)
        {
            try
            {
                return reader.GetString(); // no more characters than bytes
            }
            catch (InvalidOperationException)
            {
                // Not text somewhere: decoded below, leniently.
            }
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.Slice(0, Math.Min(length, LongestPrefix)).ToArray() : reader.ValueSpan[..(int)Math.Min(length, LongestPrefix)];
        var text = reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw); // never a lone surrogate
        return length <= MaxLength ? text : CutToLength(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>The text of a string's raw bytes between its quotes, escapes resolved, every bad character as U+FFFD.</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var plain = backslash < 0 ? raw : raw[..backslash];
            text.Append(Encoding.UTF8.GetString(plain)); // invalid bytes become U+FFFD here
            if (backslash < 0)
            {
                break;
            }

            // The reader has checked the escapes' form: a backslash is followed by one of "\/bfnrt or u and four hex
            // digits. Only the prefix of a long string can end inside one; that escape is left out.
            var escape = backslash + 1 < raw.Length ? raw[backslash + 1] : (byte)0;
            if (escape == 0 || (escape == (byte)'u' && backslash + 6 > raw.Length))
            {
                break;
            }

            text.Append(escape switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                (byte)'u' => (char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), 16),
                _ => (char)escape,
            });
            raw = raw[(backslash + (escape == (byte)'u' ? 6 : 2))..];
        }

        return ReplaceLoneSurrogates(text);
    }

    /// <summary>The first <see cref="MaxLength"/> characters of <paramref name="text"/>, a surrogate pair kept whole, and <see cref="Cut"/>.</summary>
    private static string CutToLength(string text)
    {
        var end = Math.Min(text.Length, MaxLength);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), [Cut]);
    }

    private static string ReplaceLoneSurrogates(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a pair stays
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = Replacement;
            }
        }

        return text.ToString();
    }
}

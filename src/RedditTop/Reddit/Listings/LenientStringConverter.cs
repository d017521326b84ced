using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RedditTop.Reddit.Listings;

/// <summary>
/// Reads every JSON string Reddit sends, keeping a bad character from costing the page: a byte that is not UTF-8
/// (<c>\xff</c>, an encoded surrogate <c>\xed\xa0\x80</c>) or a lone surrogate escape (<c>\ud800</c>) becomes U+FFFD,
/// as a browser shows it, instead of failing the subreddit with <c>invalid value at …title</c>. A well-formed string is
/// read by System.Text.Json as before; only one it refuses is decoded here.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    private const char Replacement = '\uFFFD';

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.GetString(); // a number or a list where text belongs fails as before, with its path
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            return reader.ValueIsEscaped ? Unescape(raw) : Encoding.UTF8.GetString(raw);
        }
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

            // The reader has checked the escapes' form: a backslash is followed by one of "\/bfnrt or u and four hex digits.
            var escape = raw[backslash + 1];
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

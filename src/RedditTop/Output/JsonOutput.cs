using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedditTop.Reddit;

namespace RedditTop.Output;

/// <summary>
/// What the json and jsonl formats share: writing with <see cref="Utf8JsonWriter"/> member by member (no reflection,
/// so NativeAOT needs no context), one post's members in <see cref="PostRow.Names"/> order, and times as ISO 8601 UTC.
/// Values are the server's text exactly; JSON escaping alone keeps them harmless for a terminal (see <see cref="Write{TState}"/>).
/// </summary>
internal static class JsonOutput
{
    /// <summary>One value on one line (jsonl).</summary>
    public static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented by two spaces, with <c>\n</c> on every platform (json).</summary>
    public static readonly JsonWriterOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        NewLine = "\n",
    };

    /// <summary>The UTF-8 of the value being written; one per thread, reused, so a value costs no buffer of its own.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_utf8;

    /// <summary>
    /// Appends one JSON value as text. The relaxed encoder keeps <c>&amp;&lt;&gt;</c> and accents as they are and escapes
    /// every control character (<c>\u001B</c>, so an escape sequence never reaches the terminal). Two things are changed
    /// after it: characters outside the BMP (emoji), which it escapes as surrogate pairs, are written as themselves, and
    /// bidirectional controls, which it lets through, are escaped, as <see cref="Sanitizer"/> would drop them from text.
    /// Either way a parser reads the same string.
    /// </summary>
    public static void Write<TState>(StringBuilder output, JsonWriterOptions options, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var utf8 = t_utf8 ??= new ArrayBufferWriter<byte>(16 * 1024);
        utf8.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(utf8, options))
        {
            write(writer, state);
        }

        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.WrittenCount));
        try
        {
            var count = Encoding.UTF8.GetChars(utf8.WrittenSpan, chars);
            AppendReadable(output, chars.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A post as an object whose members are <see cref="PostRow.Names"/>, in order; missing values are null.</summary>
    public static void WritePost(Utf8JsonWriter writer, PostRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("subreddit", row.Subreddit);
        writer.WriteNumber("rank", row.Rank);
        writer.WriteString("id", row.Id);
        writer.WriteString("title", row.Title);
        writer.WriteNumber("score", row.Score);
        writer.WriteString("url", row.Url);
        writer.WriteString("permalink", row.Permalink);
        writer.WriteString("author", row.Author);
        if (row.NumComments is { } comments)
        {
            writer.WriteNumber("num_comments", comments);
        }
        else
        {
            writer.WriteNull("num_comments");
        }

        // JSON has no NaN or infinity; a time that is not a number is no time.
        if (row.CreatedUtc is { } seconds && double.IsFinite(seconds))
        {
            writer.WriteNumber("created_utc", seconds);
        }
        else
        {
            writer.WriteNull("created_utc");
        }

        writer.WriteString("created", row.Created);
        writer.WriteBoolean("over_18", row.Over18);
        writer.WriteBoolean("stickied", row.Stickied);
        writer.WriteString("domain", row.Domain);
        writer.WriteString("flair", row.Flair);
        writer.WriteBoolean("is_new", row.IsNew);
        writer.WriteString("fetched_at", row.FetchedAt);
        writer.WriteBoolean("cached", row.Cached);
        writer.WriteEndObject();
    }

    /// <summary><c>2026-11-27T06:12:00Z</c>: the instant in UTC, to the second, like a post's <c>created</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Emoji unescaped, bidirectional controls escaped. In valid JSON a backslash only ever starts an escape inside a
    /// string, and every character outside a string is ASCII, so one pass that steps over whole escapes is exact.
    /// </summary>
    private static void AppendReadable(StringBuilder text, ReadOnlySpan<char> json)
    {
        if (json.IndexOf("\\uD", StringComparison.Ordinal) < 0 && json.IndexOfAny(Sanitizer.BidiControls) < 0)
        {
            text.Append(json);
            return;
        }

        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\')
            {
                if (Escaped(json, i) is { } high && char.IsHighSurrogate(high) && Escaped(json, i + 6) is { } low && char.IsLowSurrogate(low))
                {
                    text.Append(high).Append(low);
                    i += 11;
                }
                else
                {
                    // The escape's second character too, so an escaped backslash is never read as the start of another.
                    text.Append(c).Append(json[++i]);
                }
            }
            else if (Sanitizer.IsBidiControl(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }
    }

    /// <summary>The character of a <c>\uXXXX</c> escape starting at <paramref name="index"/>; null when there is none.</summary>
    private static char? Escaped(ReadOnlySpan<char> json, int index) =>
        index + 6 <= json.Length && json[index] == '\\' && json[index + 1] == 'u'
            && ushort.TryParse(json.Slice(index + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            ? (char)code
            : null;
}

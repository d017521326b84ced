using System.Text;

namespace RedditTop.Tests.Properties;

/// <summary>
/// A strict RFC 4180 reader: records end with LF or CRLF, fields are separated by commas, a field that starts with a
/// double quote runs to the next quote not doubled. A quote inside an unquoted field, or anything but a comma or the
/// end of the record after a closing quote, is an error: a writer whose output reads here writes RFC 4180.
/// </summary>
internal static class Rfc4180Reader
{
    public static List<List<string>> Read(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                // A quoted field: quotes are doubled, anything else (commas, CR, LF) is text.
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("a quoted field is not closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i]);
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"'{text[i]}' after a closing quote at {i}");
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"a quote inside an unquoted field at {i}");
                    }

                    field.Append(text[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i >= text.Length)
            {
                throw new FormatException("the last record does not end with a line break");
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    throw new FormatException($"a CR without LF at {i}");
                }

                i++;
            }

            i++; // LF
            records.Add(record);
            record = [];
        }

        return records;
    }
}

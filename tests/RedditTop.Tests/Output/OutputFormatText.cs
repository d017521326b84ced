using System.Text;
using RedditTop.Output;
using RedditTop.Reddit;

namespace RedditTop.Tests.Output;

/// <summary>A format's pieces as strings, for assertions: what one <c>Begin</c>, <c>Result</c> or <c>End</c> appends.</summary>
internal static class OutputFormatText
{
    public static string Begin(this IOutputFormat format, DateTimeOffset now) => Text(output => format.Begin(now, output));

    public static string Result(this IOutputFormat format, SubredditResult result) => Text(output => format.Result(result, output));

    public static string End(this IOutputFormat format) => Text(format.End);

    private static string Text(Action<StringBuilder> write)
    {
        var output = new StringBuilder();
        write(output);
        return output.ToString();
    }
}

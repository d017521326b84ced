using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using RedditTop.Reddit;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>Reads the <see cref="RunOptions"/> of a run from a parsed command line and the environment.</summary>
internal static class RunOptionsBinding
{
    /// <summary>
    /// The run <paramref name="parseResult"/> asks for; false with the usage error when the server to query is not one
    /// requests may go to (<see cref="BaseUrlRules"/>).
    /// </summary>
    public static bool TryBind(
        ParseResult parseResult,
        CommandDefinition cli,
        RunEnvironment environment,
        [NotNullWhen(true)] out RunOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        if (!TryBindBaseUrl(parseResult, cli, environment, out var url, out error))
        {
            return false;
        }

        var (userAgentCommandLine, userAgentConfigFile) = UserAgentOption(parseResult, cli);
        if (!AccessBinding.TryBind(parseResult.GetValue(cli.Site), userAgentCommandLine, userAgentConfigFile, environment, out var access, out error))
        {
            return false;
        }

        var defaultCount = parseResult.GetValue(cli.Limit);
        var queries = parseResult.GetRequiredValue(cli.Subreddits).Select(s => new SubredditQuery(s.Name, s.Count ?? defaultCount)).ToList();
        var request = new RedditClientOptions
        {
            Sort = parseResult.GetValue(cli.Sort).Value,
            Time = parseResult.GetValue(cli.Time).Value,
            Timeout = TimeSpan.FromSeconds(parseResult.GetValue(cli.Timeout)),
            Retries = parseResult.GetValue(cli.Retries),
            Deadline = TimeSpan.FromSeconds(parseResult.GetValue(cli.Deadline)),
            MaxConcurrency = parseResult.GetValue(cli.Concurrency),
            MaxAge = parseResult.GetValue(cli.MaxAge) is > 0 and var maxAge ? TimeSpan.FromSeconds(maxAge) : null,
            UserAgent = access.UserAgent,
            Filter = new PostFilter(
                parseResult.GetValue(cli.MinScore),
                parseResult.GetValue(cli.NoNsfw),
                parseResult.GetValue(cli.NoStickied),
                parseResult.GetValue(cli.Domain) is { Length: > 0 } domains ? domains : null,
                parseResult.GetValue(cli.Flair)),
        };
        var output = new OutputOptions(
            parseResult.GetValue(cli.Format).Value,
            parseResult.GetValue(cli.Order).Value,
            parseResult.GetValue(cli.Color).Value,
            !parseResult.GetValue(cli.NoHeader),
            parseResult.GetValue(cli.Output) is not "-" and var file ? file : null); // -o - is stdout, as for curl and sort; ./- names a file
        var watch = new WatchOptions(
            parseResult.GetValue(cli.Watch) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            parseResult.GetValue(cli.MarkNew),
            parseResult.GetValue(cli.NewOnly));
        options = new RunOptions(queries, url, request, parseResult.GetValue(cli.Verbose), access.App, output, watch) { UserAgentOrigin = access.UserAgentOrigin };
        return true;
    }

    /// <summary>
    /// The one place that tells a <c>--user-agent</c> typed on the command line (which wins over
    /// <c>REDDITTOP_USER_AGENT</c>) from one the config file gave (which does not). Until the config file's options
    /// reach the parse, every <c>--user-agent</c> is the command line's.
    /// </summary>
    private static (string? CommandLine, string? ConfigFile) UserAgentOption(ParseResult parseResult, CommandDefinition cli) =>
        parseResult.GetResult(cli.UserAgent) is not null ? (parseResult.GetValue(cli.UserAgent), null) : (null, null);

    /// <summary>The server to query, or null for Reddit: <c>--base-url</c> wins; an empty variable counts as unset.</summary>
    private static bool TryBindBaseUrl(ParseResult parseResult, CommandDefinition cli, RunEnvironment environment, out Uri? url, [NotNullWhen(false)] out string? error)
    {
        error = null;
        url = parseResult.GetValue(cli.BaseUrl);
        var urlSource = "--base-url";
        if (parseResult.GetResult(cli.BaseUrl) is null && environment.GetEnvironmentVariable(BaseUrlRules.Variable) is { Length: > 0 } variable)
        {
            if (!BaseUrlRules.TryParse(variable, out var fromVariable))
            {
                error = BaseUrlRules.NotABaseUrl(BaseUrlRules.Variable, variable);
                return false;
            }

            url = fromVariable;
            urlSource = BaseUrlRules.Variable;
        }

        error = url is null ? null : BaseUrlRules.TransportProblem(urlSource, url, parseResult.GetValue(cli.Insecure));
        return error is null;
    }
}

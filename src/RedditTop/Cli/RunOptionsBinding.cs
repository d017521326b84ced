using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
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
        ConfiguredCommandLine commandLine,
        CommandDefinition cli,
        RunEnvironment environment,
        [NotNullWhen(true)] out RunOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        var parseResult = commandLine.Result;
        if (!TryBindBaseUrl(commandLine, cli, environment, out var url, out error))
        {
            return false;
        }

        var (userAgentCommandLine, userAgentConfigFile) = CommandLineOrConfig(commandLine, cli.UserAgent);
        var (siteCommandLine, siteConfigFile) = CommandLineOrConfig(commandLine, cli.Site);
        var site = siteCommandLine ?? (environment.GetEnvironmentVariable(PrawConfig.SiteVariable) is { Length: > 0 } ? null : siteConfigFile);
        if (!AccessBinding.TryBind(site, userAgentCommandLine, userAgentConfigFile, environment, out var access, out error))
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
        options = new RunOptions(queries, url, request, parseResult.GetValue(cli.Verbose), access.App, output, watch, commandLine.ConfigPath) { UserAgentOrigin = access.UserAgentOrigin };
        return true;
    }

    /// <summary>
    /// An option that has an environment variable: the command line's value wins over the variable, which wins over the
    /// config file's. Returns the command line's value and the config file's (each null when not given there).
    /// </summary>
    private static (string? CommandLine, string? ConfigFile) CommandLineOrConfig(ConfiguredCommandLine commandLine, Option<string?> option) =>
        commandLine.OnCommandLine(option) ? (commandLine.Result.GetValue(option), null) : (null, commandLine.Result.GetValue(option));

    /// <summary>
    /// The server to query, or null for Reddit: <c>--base-url</c> on the command line wins, then the variable, then
    /// <c>--base-url</c> in the config file; an empty variable counts as unset.
    /// </summary>
    private static bool TryBindBaseUrl(ConfiguredCommandLine commandLine, CommandDefinition cli, RunEnvironment environment, out Uri? url, [NotNullWhen(false)] out string? error)
    {
        error = null;
        var parseResult = commandLine.Result;
        url = parseResult.GetValue(cli.BaseUrl);
        var urlSource = "--base-url";
        if (!commandLine.OnCommandLine(cli.BaseUrl) && environment.GetEnvironmentVariable(BaseUrlRules.Variable) is { Length: > 0 } variable)
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

using System.Diagnostics.CodeAnalysis;
using RedditTop.Reddit;
using RedditTop.Reddit.Auth;
using RedditTop.Run;

namespace RedditTop.Cli;

/// <summary>
/// Who a run's requests say they are: the Reddit app (or none) and the User-Agent, from the command line, the
/// environment and PRAW's <c>praw.ini</c> files (<see cref="PrawConfig"/>).
/// <list type="bullet">
/// <item>The app: <c>REDDIT_CLIENT_ID</c> (with <c>REDDIT_CLIENT_SECRET</c>, as a pair), else PRAW's for the site:
/// <c>praw_client_id</c> over the merged <c>praw.ini</c> files' <c>client_id</c>, and so for the secret; else none.
/// The site is <c>--site</c>, else <c>praw_site</c>, else <c>[DEFAULT]</c>; a site chosen by name must exist and
/// give an id.</item>
/// <item>The User-Agent: <c>--user-agent</c> typed on the command line, else <c>REDDITTOP_USER_AGENT</c>, else the
/// config file's <c>--user-agent</c>, else PRAW's <c>praw_user_agent</c> or the site's <c>user_agent</c>, else
/// <see cref="UserAgent.Value"/>.</item>
/// </list>
/// The <c>praw.ini</c> files are read only when something may come from them, so a run with everything in the
/// environment is not stopped by someone else's broken <c>praw.ini</c> in the current folder.
/// </summary>
internal static class AccessBinding
{
    public const string UserAgentVariable = "REDDITTOP_USER_AGENT";

    /// <summary>The app (null: anonymous), the User-Agent header (null: the default) and where it came from.</summary>
    public sealed record Access(AppCredentials? App, string? UserAgent, string? UserAgentOrigin);

    public static bool TryBind(
        string? site,
        string? userAgentCommandLine,
        string? userAgentConfigFile,
        RunEnvironment environment,
        [NotNullWhen(true)] out Access? access,
        [NotNullWhen(false)] out string? error)
    {
        access = null;
        var getVariable = environment.GetEnvironmentVariable;
        var app = AppCredentials.FromEnvironment(getVariable);
        var (siteName, chosenBy) = PrawConfig.SiteName(site, getVariable);
        var userAgent =
            userAgentCommandLine is not null ? new PrawSetting(userAgentCommandLine, CredentialSource.Variable("--user-agent"))
            : getVariable(UserAgentVariable) is { Length: > 0 } fromVariable ? new PrawSetting(fromVariable, CredentialSource.Variable(UserAgentVariable))
            : userAgentConfigFile is not null ? new PrawSetting(userAgentConfigFile, CredentialSource.Variable("--user-agent in the config file"))
            : (PrawSetting?)null;

        if (app is null || chosenBy is not null || userAgent is null)
        {
            PrawConfig praw;
            try
            {
                praw = PrawConfig.Load(PrawConfig.Locations(getVariable, environment.CurrentDirectory), environment.Error.WriteLine);
            }
            catch (PrawIniException e)
            {
                error = e.Message;
                return false;
            }

            if (praw.Site(siteName, getVariable) is not { } prawSite)
            {
                error = $"{chosenBy} {siteName}: no section [{siteName}] in {LookedIn(praw)}";
                return false;
            }

            if (app is null)
            {
                app = AppCredentials.FromPraw(prawSite, out error);
                if (error is not null)
                {
                    return false;
                }

                if (app is null && chosenBy is not null)
                {
                    error = $"{chosenBy} {siteName}: [{siteName}] has no client_id in {LookedIn(praw)}, and neither {AppCredentials.ClientIdVariable} nor praw_client_id is set";
                    return false;
                }
            }

            userAgent ??= prawSite.Get("user_agent");
        }

        if (userAgent is { } chosen && UserAgent.Problem(chosen.Text) is { } problem)
        {
            error = $"{chosen.Source}: the User-Agent {problem}";
            return false;
        }

        access = new Access(app, userAgent is { } given ? UserAgent.Custom(given.Text) : null, userAgent?.Source.ToString());
        error = null;
        return true;
    }

    /// <summary><c>/home/me/.config/praw.ini or /work/praw.ini</c>, or <c>no praw.ini (no HOME, no current folder)</c>.</summary>
    private static string LookedIn(PrawConfig praw) =>
        praw.LookedIn.Count == 0 ? "no praw.ini (no HOME and no current folder to look in)" : string.Join(" or ", praw.LookedIn);
}

using System.Reflection;

namespace RedditTop.Reddit;

/// <summary>
/// The User-Agent Reddit asks API clients to send, <c>&lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (...)</c>;
/// Reddit throttles generic agents such as <c>python-requests</c>. A user's own (<c>--user-agent</c>, <c>praw.ini</c>'s
/// <c>user_agent</c>) replaces <see cref="Value"/>, with reddittop's name and version after it (<see cref="Custom"/>).
/// </summary>
internal static class UserAgent
{
    /// <summary>prawcore's <c>Requestor.MIN_USER_AGENT_LENGTH</c>: anything shorter cannot say which app it is.</summary>
    public const int MinLength = 7;

    /// <summary>Reddit's form takes some 60 characters; four times that is room enough, and keeps a header small.</summary>
    public const int MaxLength = 256;

    public static string Version { get; } =
        typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Value { get; } = $"{Platform}:reddittop:{Version} (command-line client)";

    private static string Platform =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";

    /// <summary>
    /// The header for a user's own <paramref name="text"/> (see <see cref="Problem"/> first): the text, then
    /// <c>reddittop/VERSION</c>, as PRAW sends <c>{user_agent} PRAW/{version}</c> (<c>praw/const.py</c>
    /// <c>USER_AGENT_FORMAT</c>) and prawcore adds <c>prawcore/{version}</c>: Reddit can tell which client a bot runs on.
    /// </summary>
    public static string Custom(string text) => $"{text.Trim(' ')} reddittop/{Version}";

    /// <summary>
    /// Why <paramref name="text"/> cannot be sent as a User-Agent, or null: a header is one line of printable ASCII
    /// (a line break would end it and start another header), between <see cref="MinLength"/> and <see cref="MaxLength"/>
    /// characters once spaces around it are trimmed. Rejected rather than cleaned: a header changed behind the user's back
    /// would identify the app as something the user never wrote.
    /// </summary>
    public static string? Problem(string text)
    {
        var trimmed = text.Trim(' ');
        return trimmed.Any(c => c is < ' ' or > '~') ? "holds a line break, a control character or a character outside ASCII"
            : trimmed.Length < MinLength ? $"is too short to say which app it is ({MinLength} characters at least; Reddit asks for <platform>:<app id>:<version> (by /u/<username>))"
            : trimmed.Length > MaxLength ? $"is longer than {MaxLength} characters"
            : null;
    }
}

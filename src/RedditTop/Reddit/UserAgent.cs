using System.Reflection;

namespace RedditTop.Reddit;

/// <summary>
/// The User-Agent Reddit asks API clients to send, <c>&lt;platform&gt;:&lt;app id&gt;:&lt;version&gt; (...)</c>;
/// Reddit throttles generic agents such as <c>python-requests</c>.
/// </summary>
internal static class UserAgent
{
    public static string Version { get; } =
        typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static string Value { get; } = $"{Platform}:reddittop:{Version} (command-line client)";

    private static string Platform =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}

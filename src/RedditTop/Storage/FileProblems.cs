using System.Text.Json;

namespace RedditTop.Storage;

/// <summary>
/// Why a file of reddittop's own (the state, the rate budget, a settings file) could not be read or saved, in the few
/// words every message about one uses: <c>permission denied</c>, <c>not valid JSON</c>, or what the system said.
/// </summary>
internal static class FileProblems
{
    /// <summary>Whether <paramref name="e"/> is a file's problem, which its reader warns of and goes on, not a bug.</summary>
    public static bool Is(Exception e) => e is IOException or UnauthorizedAccessException or JsonException;

    /// <summary>The words for <paramref name="e"/>, one of <see cref="Is"/>'s.</summary>
    public static string Words(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        JsonException => "not valid JSON",
        _ => e.Message,
    };
}

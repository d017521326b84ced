namespace RedditTop.Reddit.Auth;

/// <summary>A <c>praw.ini</c> PRAW would refuse to read: the message names the file, the line and the reason, never a value.</summary>
internal sealed class PrawIniException(string message) : Exception(message)
{
    public static PrawIniException At(string file, int line, string reason) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}, line {line}: {reason}"));
}

namespace RedditTop.Reddit;

/// <summary>
/// Text a server sent that reddittop repeats to a person: a status line's reason phrase, a redirect's location, the
/// token endpoint's <c>error</c>, the bytes a JSON reader quotes. It holds the text as sent, and the only way to a plain
/// string is <see cref="Sanitizer"/>'s: <see cref="ToString"/> gives the cleaned text, so an escape sequence or a line
/// break in it can never reach a terminal or forge a line of stderr.
/// </summary>
internal readonly struct ServerText : IEquatable<ServerText>
{
    private readonly string _sent;

    public ServerText(string sent) => _sent = sent;

    /// <summary>The text as a person may see it: control characters made spaces, bidirectional controls dropped.</summary>
    public override string ToString() => Sanitizer.Clean(_sent ?? "");

    public bool Equals(ServerText other) => string.Equals(_sent, other._sent, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ServerText other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_sent ?? "");

    public static bool operator ==(ServerText left, ServerText right) => left.Equals(right);

    public static bool operator !=(ServerText left, ServerText right) => !left.Equals(right);
}

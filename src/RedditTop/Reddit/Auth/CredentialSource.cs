namespace RedditTop.Reddit.Auth;

/// <summary>
/// Where one of an app's credentials came from: an environment variable (<see cref="Key"/> is its name), or a key of
/// a <c>praw.ini</c> (<see cref="File"/>, <see cref="Section"/>). Used to say where, never what.
/// </summary>
internal sealed record CredentialSource(string Key, string? File = null, string? Section = null)
{
    public static CredentialSource Variable(string name) => new(name);

    public static CredentialSource Ini(string key, PrawIniValue value) => new(key, value.File, value.Section);

    public bool IsVariable => File is null;

    /// <summary><c>the environment</c>, or <c>/home/me/.config/praw.ini [bot1]</c>.</summary>
    public string Place => File is null ? "the environment" : $"{Sanitizer.Clean(File)} [{Sanitizer.Clean(Section ?? "")}]";

    /// <summary><c>REDDIT_CLIENT_ID</c>, or <c>client_id in /home/me/.config/praw.ini [bot1]</c>.</summary>
    public override string ToString() => File is null ? Key : $"{Key} in {Place}";
}

namespace RedditTop.Reddit.Auth;

/// <summary>
/// One value of a <c>praw.ini</c> key, with where it was written: the file, the line and the section (<c>DEFAULT</c>
/// for a value a site inherits), since several files are merged.
/// </summary>
internal readonly record struct PrawIniValue(string Text, string File, int Line, string Section);

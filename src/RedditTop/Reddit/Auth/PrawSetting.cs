namespace RedditTop.Reddit.Auth;

/// <summary>A PRAW setting's text and where it came from (a <c>praw_*</c> variable, or a key of a <c>praw.ini</c>).</summary>
internal readonly record struct PrawSetting(string Text, CredentialSource Source);

namespace RedditTop.Reddit.Failures;

/// <summary>What a failed request asked for, which changes what some answers mean.</summary>
internal enum RequestKind
{
    /// <summary>A listing, with the app's token.</summary>
    Listing,

    /// <summary>A listing without a token: a 403 without a reason is Reddit blocking the network.</summary>
    AnonymousListing,

    /// <summary>The app's token: a 401 is the app's credentials refused.</summary>
    Token,
}

namespace RedditTop.Reddit.Listings;

/// <summary>
/// A post as RedditTop prints and passes it on. <see cref="Title"/>, <see cref="Score"/> and <see cref="Url"/> are
/// what every output shows, so a post without them is not usable; the rest is optional. <see cref="IsNew"/> says
/// the post was not in the previous run with the same arguments.
/// </summary>
internal sealed record Post(
    string Title,
    int Score,
    string Url,
    string? Id = null,
    string? Permalink = null,
    string? Subreddit = null,
    double? CreatedUtc = null,
    string? Author = null,
    int? NumComments = null,
    bool Over18 = false,
    bool Stickied = false,
    string? Domain = null,
    string? Flair = null,
    bool IsNew = false);

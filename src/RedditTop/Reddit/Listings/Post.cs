namespace RedditTop.Reddit.Listings;

/// <summary>
/// A post as RedditTop prints and passes it on. <see cref="Title"/>, <see cref="Score"/> and <see cref="Url"/> are
/// what every output shows, so a post without them is not usable; the rest is optional. Whether a post is new to
/// the user is the run's concern, not the post's: the formats are told by a predicate.
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
    string? Flair = null);

using System.Globalization;
using RedditTop.Reddit;
using RedditTop.Reddit.Listings;

namespace RedditTop.Output;

/// <summary>
/// One post as every machine-readable format shows it, with the same fields in the same order: jsonl objects, json
/// posts, csv and tsv columns. <see cref="FetchedAt"/> and <see cref="Cached"/> (<c>--max-age</c>) came last, after
/// <see cref="IsNew"/>, so that a script reading columns by position still finds every earlier one where it was.
/// </summary>
internal sealed record PostRow(
    string Subreddit,
    int Rank,
    string? Id,
    string Title,
    int Score,
    string Url,
    string? Permalink,
    string? Author,
    int? NumComments,
    double? CreatedUtc,
    string? Created,
    bool Over18,
    bool Stickied,
    string? Domain,
    string? Flair,
    bool IsNew,
    string? FetchedAt = null,
    bool Cached = false)
{
    /// <summary>The column names of csv and tsv, and the member names of json and jsonl, in order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "subreddit", "rank", "id", "title", "score", "url", "permalink", "author", "num_comments",
        "created_utc", "created", "over_18", "stickied", "domain", "flair", "is_new", "fetched_at", "cached",
    ];

    /// <summary>
    /// What goes in front of a permalink, which Reddit sends as a path. The path stays as sent (<c>/comments/6zup2m/ʖ/</c>,
    /// not percent-encoded), as <c>url</c> does for the same self post; a permalink that is not a path is left as sent.
    /// </summary>
    private const string RedditHost = "https://www.reddit.com";

    /// <summary>The first second a <see cref="DateTimeOffset"/> holds (year 1); a post claiming an earlier time has no <c>created</c>.</summary>
    private static readonly double EarliestTime = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    /// <summary>
    /// The row of the <paramref name="rank"/>-th post (from 1) of <paramref name="subreddit"/>, as the user typed its
    /// name; <paramref name="isNew"/> says the post was not in the previous run; <paramref name="fetchedAt"/> is when its
    /// listing came from Reddit, and <paramref name="cached"/> whether this run read it from a local copy.
    /// </summary>
    public static PostRow From(string subreddit, int rank, Post post, bool isNew = false, DateTimeOffset? fetchedAt = null, bool cached = false) => new(
        subreddit,
        rank,
        post.Id,
        post.Title,
        post.Score,
        post.Url,
        post.Permalink is ['/', ..] path ? RedditHost + path : post.Permalink,
        post.Author,
        post.NumComments,
        post.CreatedUtc,
        post.CreatedUtc is { } seconds && double.IsFinite(seconds) && seconds >= EarliestTime && seconds < 1e11
            ? JsonOutput.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)))
            : null,
        post.Over18,
        post.Stickied,
        post.Domain,
        post.Flair,
        isNew,
        fetchedAt is { } time ? JsonOutput.Timestamp(time) : null,
        cached);

    /// <summary>The row of the <paramref name="rank"/>-th post (from 1) of <paramref name="result"/>, with when and how its listing was had.</summary>
    public static PostRow From(SubredditResult result, int rank, Post post, bool isNew) =>
        From(result.Query.Name, rank, post, isNew, result.FetchedAt, result.Cached);

    /// <summary>The fields as text for csv and tsv (invariant numbers, <c>true</c>/<c>false</c>, empty for null), in <see cref="Names"/> order.</summary>
    public IReadOnlyList<string> Values() =>
    [
        Subreddit, Number(Rank), Id ?? "", Title, Number(Score), Url, Permalink ?? "", Author ?? "", NumComments is { } n ? Number(n) : "",
        CreatedUtc is { } seconds && double.IsFinite(seconds) ? seconds.ToString("R", CultureInfo.InvariantCulture) : "", Created ?? "", Over18 ? "true" : "false", Stickied ? "true" : "false", Domain ?? "", Flair ?? "",
        IsNew ? "true" : "false", FetchedAt ?? "", Cached ? "true" : "false",
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using RedditTop.Reddit.Listings;

namespace RedditTop.Reddit;

/// <summary>
/// Which posts a run shows; a post is kept only when it passes every filter that is set.
/// <list type="bullet">
/// <item><see cref="MinScore"/>: a score of at least this many points.</item>
/// <item><see cref="NoNsfw"/>, <see cref="NoStickied"/>: drop NSFW posts, drop posts the moderators pinned.</item>
/// <item><see cref="Domains"/>: the post's domain is one of these or a subdomain of one (<c>youtube.com</c> keeps
/// <c>m.youtube.com</c>; <c>redd.it</c> keeps <c>i.redd.it</c> and <c>v.redd.it</c>; <c>self.python</c> keeps
/// r/python's text posts), case ignored. A leading <c>www.</c> means nothing, on either side: <c>www.youtube.com</c>
/// is the same filter as <c>youtube.com</c>. Blank entries are ignored; a post without a domain fails.</item>
/// <item><see cref="Flair"/>: the post's flair contains this text, case ignored; a post without flair fails.</item>
/// </list>
/// A null or empty <see cref="Domains"/> or <see cref="Flair"/> is no filter.
/// </summary>
internal sealed record PostFilter(
    int? MinScore = null,
    bool NoNsfw = false,
    bool NoStickied = false,
    IReadOnlyList<string>? Domains = null,
    string? Flair = null)
{
    /// <summary>No filter is set: every post is kept.</summary>
    public bool IsEmpty => MinScore is null && !NoNsfw && !NoStickied && !HasDomains && string.IsNullOrEmpty(Flair);

    private bool HasDomains => Domains?.Any(static d => !Bare(d).IsEmpty) == true;

    /// <summary>
    /// The filters as one line, the same for filters that keep the same posts however they were typed (the order and
    /// case of domains, the case of the flair); empty for no filter. A listing's local copy (<see cref="ListingCopies"/>)
    /// is kept under it.
    /// </summary>
    public string Key => IsEmpty
        ? ""
        : string.Create(
            CultureInfo.InvariantCulture,
            $"min_score={MinScore} no_nsfw={NoNsfw} no_stickied={NoStickied} domains={string.Join(',', (Domains ?? []).Select(static d => Bare(d).ToString().ToLowerInvariant()).Where(static d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))} flair={Flair?.ToLowerInvariant()}");

    /// <summary>Whether <paramref name="post"/> passes every filter that is set.</summary>
    public bool Keeps(Post post) =>
        (MinScore is not { } min || post.Score >= min)
        && !(NoNsfw && post.Over18)
        && !(NoStickied && post.Stickied)
        && (!HasDomains || (post.Domain is { } domain && Domains!.Any(wanted => IsWithin(domain, wanted))))
        && (string.IsNullOrEmpty(Flair) || post.Flair?.Contains(Flair, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Whether <paramref name="domain"/> is <paramref name="wanted"/> or one of its subdomains.</summary>
    private static bool IsWithin(string domain, string wanted)
    {
        var host = Bare(domain);
        var want = Bare(wanted);
        return !want.IsEmpty
            && host.EndsWith(want, StringComparison.OrdinalIgnoreCase)
            && (host.Length == want.Length || host[^(want.Length + 1)] == '.');
    }

    /// <summary>The domain without surrounding blanks, a trailing dot or a leading <c>www.</c>.</summary>
    private static ReadOnlySpan<char> Bare(string domain)
    {
        var bare = domain.AsSpan().Trim().TrimEnd('.');
        return bare.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? bare[4..] : bare;
    }
}

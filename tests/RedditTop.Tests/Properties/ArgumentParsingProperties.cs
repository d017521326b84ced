using System.Net;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using RedditTop.Cli;
using RedditTop.Reddit;
using RedditTop.Run;
using RichardSzalay.MockHttp;

namespace RedditTop.Tests.Properties;

/// <summary>
/// The command line fed arbitrary strings: it never crashes (no exit 70), a usage error is exit 2 with a message and no
/// request, and the only names that reach a request path are Reddit's (2-21 ASCII letters, digits or underscores, joined
/// with '+'): no '/', '..', '?', '#', '%', whitespace or control character gets into the URL.
/// </summary>
public sealed partial class ArgumentParsingProperties
{
    private const string BaseUrl = "https://www.reddit.com/";

    private const string Listing = """
        {"kind": "Listing", "data": {"after": null, "children": [{"kind": "t3", "data": {"id": "a1", "title": "t", "score": 1, "url": "https://example.com/", "created_utc": 1.7E9}}]}}
        """;

    /// <summary>
    /// Options and the values they take. Left out, because a run with them writes a file or never ends: <c>--output</c>
    /// (<c>-o</c>) and <c>--watch</c>; and <c>--base-url</c>, which puts a path of the user's own before the name.
    /// </summary>
    private static readonly string[] Options =
    [
        "-n", "--limit", "-s", "--sort", "-t", "--time", "--timeout", "--retries", "--deadline", "-j", "--max-concurrency", "-v",
        "--verbose", "-f", "--format", "--order", "--color", "--no-header", "--mark-new", "--new-only", "--min-score", "--no-nsfw",
        "--no-stickied", "--domain", "--flair", "--completion", "--help", "-h", "-?", "--version", "--", "-", "--limit=3", "-n5", "-t:week",
        "-vn", "--bogus", "-x", "[suggest]", "[diagram]", "@", "@no-such-response-file", "@/", "@\u0000",
    ];

    private static readonly string[] Values =
    [
        "0", "1", "3", "100", "1000", "1001", "-1", "1e2", "0.5", "nan", "Infinity", "abc", "", " ", "week", "WEEK", "all", "hot",
        "controversial", "json", "jsonl", "csv", "tsv", "markdown", "text", "input", "arrival", "always", "never", "auto", "bash",
        "zsh", "fish", "example.com", "2147483648",
    ];

    /// <summary>Options with a value each accepts.</summary>
    private static readonly string[][] ValidOptions =
    [
        ["-n", "5"], ["--limit", "3"], ["-t", "week"], ["--time", "ALL"], ["-s", "hot"], ["--sort", "controversial"], ["-f", "json"],
        ["--format", "csv"], ["-f", "tsv"], ["-f", "jsonl"], ["-f", "markdown"], ["--order", "input"], ["--color", "always"], ["--no-header"],
        ["-v"], ["--min-score", "-10"], ["--no-nsfw"], ["--no-stickied"], ["--flair", "a b"], ["--domain", "example.com"], ["-j", "2"],
        ["--retries", "0"], ["--timeout", "0.5"], ["--deadline", "1e2"], ["--mark-new"], ["--new-only"],
    ];

    /// <summary>Anything at all, from options, values, tokens close to a subreddit and arbitrary text.</summary>
    private static readonly Gen<string[]> AnyArguments =
        Gen.Frequency<string>(
                (4, SubredditNames.Token),
                (3, Gen.Elements(Options)),
                (2, Gen.Elements(Values)),
                (2, Texts.Any))
            .ListOf()
            .Resize(12)
            .Select(args => args.ToArray());

    /// <summary>A command line that is right: valid subreddits with or without a count, and options with valid values, in any order.</summary>
    private static readonly Gen<string[]> ValidArguments =
        from subreddits in Gen.Choose(1, 4).SelectMany(count => Gen.Zip(SubredditNames.Valid, Gen.Choose(1, 1000).OrNone()).ListOf(count))
        from options in Gen.Choose(0, 3).SelectMany(count => Gen.Elements(ValidOptions).ListOf(count))
        from groups in Gen.Shuffle(subreddits.Select(s => s.Item2 is { } n ? new[] { $"{s.Item1}:{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" } : new[] { s.Item1 }).Concat(options))
        select groups.SelectMany(words => words).ToArray();

    /// <summary>A right command line with one token close to a subreddit, or anything at all, put in somewhere.</summary>
    private static readonly Gen<string[]> ValidArgumentsAndOneToken =
        from args in ValidArguments
        from token in Gen.Frequency((3, SubredditNames.NearlyValid), (1, SubredditNames.Token))
        from at in Gen.Choose(0, args.Length)
        select args[..at].Append(token).Concat(args[at..]).ToArray();

    private static readonly Gen<string[]> Arguments =
        Gen.Frequency((2, AnyArguments), (1, ValidArguments), (2, ValidArgumentsAndOneToken)).Select(args => args.Where(IsSafe).ToArray());

    [Property(MaxTest = 1000)]
    public Property TryParse_AnyToken_AcceptsOnlyRedditNamesAndTheirPathHasNothingElse() =>
        Prop.ForAll(Arb.From(SubredditNames.Token, Texts.Shrink), token =>
        {
            var ok = SubredditSpec.TryParse(token, out var spec, out var error);

            if (!ok)
            {
                Assert.Null(spec);
                Assert.Contains(token, error, StringComparison.Ordinal);
                return;
            }

            Assert.True(SubredditNames.IsValid(spec!.Name), spec.Name);
            Assert.Equal(token.Split(':')[0], spec.Name);
            Assert.InRange(spec.Count ?? SubredditSpec.MinCount, SubredditSpec.MinCount, SubredditSpec.MaxCount);
            var path = RedditClient.ListingPath(new SubredditQuery(spec.Name, spec.Count ?? 10), new RedditClientOptions(), 10);
            AssertListingUrl(new Uri(new Uri(BaseUrl), path), [spec.Name]);
        });

    [Property(MaxTest = 200)]
    public Property InvokeAsync_ArbitraryArguments_RequestsOnlyValidNamesOrExitsWithAUsageError() =>
        Prop.ForAll(Arb.From(Arguments, WithoutOneArgument), AssertRunAsync);

    private static async Task AssertRunAsync(string[] args)
    {
        using var mock = new MockHttpMessageHandler();
        var requests = new List<Uri>();
        mock.When("*").Respond(request =>
        {
            lock (requests)
            {
                requests.Add(request.RequestUri!);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Listing, System.Text.Encoding.UTF8, "application/json") };
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 6, 12, 0, TimeSpan.Zero));
        var environment = new RunEnvironment(output, error, _ => null, time, mock);

        var exitCode = await RedditTopCommand.InvokeAsync(args, environment, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode is ExitCodes.Success or ExitCodes.Usage, $"exit code {exitCode}: {error}");
        if (exitCode == ExitCodes.Usage)
        {
            Assert.Empty(requests);
            Assert.StartsWith("reddittop: ", error.ToString(), StringComparison.Ordinal);
            Assert.EndsWith("Try 'reddittop --help' for more information.\n", error.ToString(), StringComparison.Ordinal);
        }

        // A name requested is one the user gave as a subreddit (some valid-looking words are option values instead).
        var named = args.Select(a => SubredditSpec.TryParse(a, out var spec, out _) ? spec.Name : null).OfType<string>().ToList();
        foreach (var url in requests)
        {
            AssertListingUrl(url, named);
        }
    }

    /// <summary>
    /// A listing URL, checked on the text that goes on the wire: the base, <c>r/NAME/SORT.json</c> with a valid name,
    /// and only the query parameters reddittop sends.
    /// </summary>
    private static void AssertListingUrl(Uri url, IReadOnlyCollection<string> named)
    {
        var text = url.AbsoluteUri;
        Assert.StartsWith(BaseUrl, text, StringComparison.Ordinal);
        var match = ListingUrl().Match(text[BaseUrl.Length..]);
        Assert.True(match.Success, $"not a listing URL: {text}");
        var name = match.Groups["name"].Value;
        Assert.True(SubredditNames.IsValid(name), name);
        Assert.Contains(name, named);
        Assert.Equal("/r/" + name + "/" + match.Groups["sort"].Value + ".json", url.AbsolutePath);
        Assert.DoesNotContain(url.AbsolutePath, c => c is '%' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c));
        Assert.DoesNotContain("..", url.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a run with this argument stays in memory and ends: nothing that could name <c>--output</c>, <c>--watch</c>
    /// or <c>--base-url</c> (<c>-o</c> may come bundled, <c>-vo</c>, or with its value, <c>-ofile</c>).
    /// </summary>
    private static bool IsSafe(string arg) =>
        !(arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('o', StringComparison.Ordinal))
        && !arg.StartsWith("--o", StringComparison.Ordinal)
        && !arg.StartsWith("--w", StringComparison.Ordinal)
        && !arg.StartsWith("--b", StringComparison.Ordinal);

    private static IEnumerable<string[]> WithoutOneArgument(string[] args) =>
        Enumerable.Range(0, args.Length).Select(i => args.Where((_, j) => j != i).ToArray());

    [GeneratedRegex(@"^r/(?<name>[^/?#]*)/(?<sort>top|hot|new|rising|controversial|best)\.json\?(t=(hour|day|week|month|year|all)&)?limit=[0-9]{1,3}&raw_json=1\z", RegexOptions.CultureInvariant)]
    private static partial Regex ListingUrl();
}

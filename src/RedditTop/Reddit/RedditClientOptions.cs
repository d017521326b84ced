namespace RedditTop.Reddit;

/// <summary>How every listing request is made.</summary>
internal sealed record RedditClientOptions(string Time, TimeSpan Timeout)
{
    public const string DefaultTime = "day";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The time windows Reddit's <c>t</c> parameter accepts.</summary>
    public static readonly IReadOnlyList<string> Times = ["hour", "day", "week", "month", "year", "all"];
}

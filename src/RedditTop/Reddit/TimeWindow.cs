namespace RedditTop.Reddit;

/// <summary>The time windows Reddit's <c>t</c> parameter accepts, named in lower case (<c>t=day</c>).</summary>
internal enum TimeWindow
{
    Hour,
    Day,
    Week,
    Month,
    Year,
    All,
}

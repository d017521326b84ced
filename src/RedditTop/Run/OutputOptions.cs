using RedditTop.Output;

namespace RedditTop.Run;

/// <summary>How results are written: the format (<c>-f</c>), the order, colour, the text header, and a file (<c>-o</c>).</summary>
internal sealed record OutputOptions(
    OutputFormat Format = OutputFormat.Text,
    OutputOrder Order = OutputOrder.Arrival,
    ColorMode Color = ColorMode.Auto,
    bool Header = true,
    string? File = null)
{
    /// <summary>Whether subreddits are printed in the order they were given.</summary>
    public bool InputOrder => Order == OutputOrder.Input;

    /// <summary>
    /// Whether to colour: <c>always</c>, <c>never</c>, or with <c>auto</c> only on a terminal, unless <c>NO_COLOR</c> says
    /// no or <c>FORCE_COLOR</c> says yes (each when set and not empty; <c>FORCE_COLOR=0</c> is no).
    /// </summary>
    public bool UseColor(bool toTerminal, Func<string, string?> getVariable) => Color switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ when getVariable("NO_COLOR") is { Length: > 0 } => false,
        _ when getVariable("FORCE_COLOR") is { Length: > 0 } force => force != "0",
        _ => toTerminal,
    };
}

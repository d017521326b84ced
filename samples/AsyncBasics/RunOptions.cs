using System.Globalization;

namespace AsyncBasics;

/// <summary>The parsed command line: an example name (or none), its arguments and the shared options.</summary>
/// <param name="Name">The example to run; <see langword="null"/> lists the examples.</param>
/// <param name="Arguments">Positional arguments after the name (only the hidden <c>worker</c> command takes any).</param>
/// <param name="Seed">Fixed seed for the random delays; <see langword="null"/> for a different run each time.</param>
/// <param name="MaxDelay">The longest random delay; the tutorial's 0–5 s by default.</param>
internal sealed record RunOptions(string? Name, IReadOnlyList<string> Arguments, int? Seed, TimeSpan MaxDelay)
{
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>Parses <paramref name="args"/>; on failure returns <see langword="null"/> and a message in <paramref name="error"/>.</summary>
    public static RunOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? name = null;
        var arguments = new List<string>();
        int? seed = null;
        var maxDelay = DefaultMaxDelay;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    return new RunOptions(null, [], seed, maxDelay);
                case "--seed" or "--max-delay-ms":
                    if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        error = $"{arg} needs a whole number >= 0";
                        return null;
                    }

                    i++;
                    if (arg == "--seed")
                    {
                        seed = value;
                    }
                    else
                    {
                        maxDelay = TimeSpan.FromMilliseconds(value);
                    }

                    break;
                case var _ when arg.StartsWith('-'):
                    error = $"unknown option '{arg}'";
                    return null;
                case var _ when name is null:
                    name = arg;
                    break;
                default:
                    arguments.Add(arg);
                    break;
            }
        }

        return new RunOptions(name, arguments, seed, maxDelay);
    }
}

namespace AsyncBasics;

/// <summary>What every example gets: where to write, a (possibly seeded) random source, the delay scale and a clock.</summary>
internal sealed class ExampleContext(TextWriter output, Random random, TimeSpan maxDelay, TimeProvider timeProvider)
{
    /// <summary>Thread-safe output: the threads example writes from four threads at once.</summary>
    public TextWriter Output { get; } = TextWriter.Synchronized(output);

    public Random Random { get; } = random;

    /// <summary>The longest random delay (5 s by default, like the tutorial's <c>random.randint(0, 5)</c>).</summary>
    public TimeSpan MaxDelay { get; } = maxDelay;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>One fifth of <see cref="MaxDelay"/>: "1 s" at the default scale.</summary>
    public TimeSpan Step => MaxDelay / 5;

    /// <summary>A random delay of 0–5 steps, the tutorial's <c>random.randint(0, 5)</c> seconds at the default scale.</summary>
    public TimeSpan NextDelay() => Step * Random.Next(0, 6);
}

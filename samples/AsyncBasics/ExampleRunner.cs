using AsyncBasics.Support;

namespace AsyncBasics;

/// <summary>Parses the command line and runs one example; output is injected so tests can run it in-process.</summary>
internal static class ExampleRunner
{
    public const int Success = 0;
    public const int Canceled = 130;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var options = RunOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync($"AsyncBasics: {problem}");
            return UsageError;
        }

        if (options.Name is null)
        {
            await WriteUsageAsync(output);
            return Success;
        }

        var context = new ExampleContext(
            output,
            options.Seed is { } seed ? new Random(seed) : new Random(),
            options.MaxDelay,
            TimeProvider.System);

        if (options.Name == WorkerCommand.Name)
        {
            // The hidden command the processes example starts its children with.
            if (!WorkerCommand.TryParse(options.Arguments, out var id, out var delay))
            {
                await error.WriteLineAsync("AsyncBasics: usage: worker <id> <delay-ms>");
                return UsageError;
            }

            WorkerCommand.Run(context, id, delay);
            return Success;
        }

        var example = ExampleCatalog.Find(options.Name);
        if (example is null || options.Arguments.Count > 0)
        {
            await error.WriteLineAsync(example is null
                ? $"AsyncBasics: unknown example '{options.Name}'; run without arguments to list the examples"
                : $"AsyncBasics: '{options.Name}' takes no arguments");
            return UsageError;
        }

        try
        {
            await example.RunAsync(context, cancellationToken);
            await context.Output.FlushAsync(cancellationToken);
            return Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("AsyncBasics: canceled");
            return Canceled;
        }
    }

    private static async Task WriteUsageAsync(TextWriter output)
    {
        await output.WriteLineAsync("usage: dotnet run --project samples/AsyncBasics -- <example> [--seed N] [--max-delay-ms N]");
        await output.WriteLineAsync();
        await output.WriteLineAsync("examples:");
        var width = ExampleCatalog.All.Max(example => example.Name.Length);
        foreach (var example in ExampleCatalog.All)
        {
            await output.WriteLineAsync($"  {example.Name.PadRight(width)}  {example.Description}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("options:");
        await output.WriteLineAsync("  --seed N          fixed seed for the random delays");
        await output.WriteLineAsync("  --max-delay-ms N  longest random delay (default 5000: the tutorial's 0-5 s)");
    }
}

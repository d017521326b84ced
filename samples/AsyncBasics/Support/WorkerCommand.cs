using System.Globalization;

namespace AsyncBasics.Support;

/// <summary>
/// The hidden <c>worker &lt;id&gt; &lt;delay-ms&gt;</c> command: the body of one child process in the processes example
/// (Python's <c>multiprocessing.Process(target=worker, args=(id,))</c>).
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    public static bool TryParse(IReadOnlyList<string> arguments, out int id, out TimeSpan delay)
    {
        delay = default;
        if (arguments.Count != 2
            || !int.TryParse(arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out id)
            || !int.TryParse(arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var delayMs))
        {
            id = 0;
            return false;
        }

        delay = TimeSpan.FromMilliseconds(delayMs);
        return true;
    }

    public static void Run(ExampleContext context, int id, TimeSpan delay)
    {
        // Blocking on purpose, like the tutorial's time.sleep(): this process has nothing else to do.
        Thread.Sleep(delay);
        context.Output.WriteLine(WorkerReport.Format(context.TimeProvider, id, delay));
        context.Output.Flush();
    }
}

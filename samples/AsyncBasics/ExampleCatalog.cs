using AsyncBasics.Examples;

namespace AsyncBasics;

/// <summary>The examples in tutorial order.</summary>
internal static class ExampleCatalog
{
    public static IReadOnlyList<Example> All { get; } =
    [
        new("blocking", "a blocking file read and HTTP request, then the same with await: the thread is free meanwhile", BlockingExample.RunAsync),
        new("processes", "four child processes sleeping 0-5 s each: four PIDs, four times the memory", ProcessesExample.RunAsync),
        new("threads", "four threads in one process: one PID, less memory, truly parallel (no GIL)", ThreadsExample.RunAsync),
        new("tasks", "four async methods awaited together: no process or thread per worker", TasksExample.RunAsync),
        new("coroutines", "\"The answer is 42.\": a task started now and awaited later; awaiting a finished task", CoroutinesExample.RunAsync),
        new("cancel", "cancel one task, cancel too late, cancel a group, time out", CancelExample.RunAsync),
        new("gather", "Task.WhenAll (argument order), Task.WhenEach (completion order), one failure among many", GatherExample.RunAsync),
    ];

    public static Example? Find(string name) =>
        All.FirstOrDefault(example => string.Equals(example.Name, name, StringComparison.OrdinalIgnoreCase));
}

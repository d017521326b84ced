namespace AsyncBasics;

/// <summary>One runnable example: its command-line name, a one-line description and its body.</summary>
internal sealed record Example(string Name, string Description, Func<ExampleContext, CancellationToken, Task> RunAsync);

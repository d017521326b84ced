using AsyncBasics;

// AsyncBasics: the asyncio tutorial's ideas, one runnable C# example each.
//
//   dotnet run --project samples/AsyncBasics -- [<example>] [--seed N] [--max-delay-ms N]
//
// Without an example name it lists the examples. Ctrl+C cancels the running example through a
// CancellationToken (C# has no task.cancel(): cancellation is a token handed to every await).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await ExampleRunner.RunAsync(args, Console.Out, Console.Error, cancellation.Token);

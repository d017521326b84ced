using System.Text;
using RedditTop.Cli;

// stdout carries data only and is flushed once per block; stderr carries diagnostics. Both are UTF-8 without a BOM,
// whatever the locale, so emoji and accents survive pipes and files.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 64 * 1024);
var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };

var environment = new CliEnvironment(stdout, stderr, Environment.GetEnvironmentVariable, TimeProvider.System);
try
{
    return await RedditTopCommand.InvokeAsync(args, environment, CancellationToken.None);
}
finally
{
    try
    {
        stdout.Flush(); // help and version text; blocks are flushed as they are written
    }
    catch (IOException)
    {
        // The reader has gone away; there is nobody left to tell.
    }
}

namespace RedditTop.Tests.TestData;

/// <summary>Recorded Reddit responses copied next to the tests (see TestData/SOURCES.md).</summary>
internal static class TestFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}

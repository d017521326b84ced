using System.Text.RegularExpressions;
using System.Xml.Linq;
using RedditTop.Cli;
using RedditTop.Tests.TestData;

namespace RedditTop.Tests.Docs;

/// <summary>The README stays true to the command: every option in its tables, every package it names.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = TestFiles.Read("Docs/README.md");

    [Fact]
    public void OptionTables_ListEveryOptionAndAlias_EachOnce()
    {
        var documented = OptionRows().SelectMany(row => OptionName().Matches(row.Split('|')[1]).Select(m => m.Value)).ToList();

        var options = new CommandDefinition().Root.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-') && n != "-?").ToList(); // not the -?, /h and /? of help

        Assert.Empty(options.Except(documented));
        Assert.Empty(documented.Except(options));
        Assert.Empty(documented.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void FirstBuildSentence_NamesEveryPackageOfTheTool()
    {
        var project = XDocument.Parse(TestFiles.Read("Docs/RedditTop.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        var sentence = Readme[Readme.IndexOf("the first build restores", StringComparison.Ordinal)..];
        sentence = sentence[..sentence.IndexOf("):", StringComparison.Ordinal)];

        Assert.Contains($"the tool's {Number(packages.Count)} packages", sentence, StringComparison.Ordinal);
        Assert.All(packages.Where(p => !p.Contains("Analyzers", StringComparison.Ordinal)), p => Assert.Contains(p, sentence, StringComparison.Ordinal));
    }

    /// <summary>The rows of the README's option tables: the lines of tables whose header is <c>| option | meaning | default |</c>.</summary>
    private static IEnumerable<string> OptionRows()
    {
        var inTable = false;
        foreach (var line in Readme.Split('\n'))
        {
            inTable = line.StartsWith("| option |", StringComparison.Ordinal) || (inTable && line.StartsWith('|'));
            if (inTable && line.StartsWith("| `", StringComparison.Ordinal))
            {
                yield return line;
            }
        }
    }

    private static string Number(int n) => n switch { 2 => "two", 3 => "three", 4 => "four", 5 => "five", 6 => "six", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [GeneratedRegex("(?<![\\w-])--?[A-Za-z?][A-Za-z-]*")]
    private static partial Regex OptionName();
}

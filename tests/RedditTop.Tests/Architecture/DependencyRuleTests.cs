using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace RedditTop.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/ARCHITECTURE.md, read from the compiled program (every reference in every method body
/// counts, not only the using directives): Hosting → Cli → Run → (Reddit, History, Output) → Storage. A room uses
/// only the rooms below it; of the three in the middle, only Output uses another (Reddit, whose results it formats).
/// The root namespace holds what every room may use (<c>EnumNames</c>), and uses no room itself.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly ArchUnitNET.Domain.Architecture Program =
        new ArchLoader().LoadAssemblies(typeof(RedditTop.Run.Runner).Assembly).Build();

    /// <summary>Each room, and the rooms it must not use.</summary>
    public static TheoryData<string, string[]> Rooms => new()
    {
        { "Storage", ["Hosting", "Cli", "Run", "Reddit", "History", "Output"] },
        { "Reddit", ["Hosting", "Cli", "Run", "History", "Output"] },
        { "History", ["Hosting", "Cli", "Run", "Reddit", "Output"] },
        { "Output", ["Hosting", "Cli", "Run", "History"] },
        { "Run", ["Hosting", "Cli"] },
        { "Cli", ["Hosting"] },
    };

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Room_UsesOnlyTheRoomsBelowIt(string room, string[] above)
    {
        var sut = Types().That().ResideInNamespaceMatching(InRoom(room))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InAnyRoom(above)));

        var violations = sut.Evaluate(Program).Where(r => !r.Passed).Select(r => r.Description).ToList();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void Root_UsesNoRoom()
    {
        var sut = Types().That().ResideInNamespaceMatching(@"^RedditTop$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InAnyRoom(Rooms.Select(r => r.Data.Item1).Append("Hosting").ToArray())));

        var violations = sut.Evaluate(Program).Where(r => !r.Passed).Select(r => r.Description).ToList();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void Rooms_HoldEveryTypeOfTheProgram()
    {
        string[] rooms = ["Hosting", "Cli", "Run", "Reddit", "History", "Output", "Storage"];

        var outside = Program.Types
            .Where(t => t.Namespace.FullName.StartsWith("RedditTop.", StringComparison.Ordinal))
            .Where(t => !rooms.Any(r => t.Namespace.FullName == "RedditTop." + r || t.Namespace.FullName.StartsWith("RedditTop." + r + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Rule_BrokenOnPurpose_IsCaught()
    {
        // Output formats Reddit's results, so the reverse rule must fail: proof the rule reads real dependencies.
        var sut = Types().That().ResideInNamespaceMatching(InRoom("Output"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InRoom("Reddit")));

        Assert.False(sut.HasNoViolations(Program));
    }

    private static string InRoom(string room) => $@"^RedditTop\.{room}(\..+)?$";

    private static string InAnyRoom(string[] rooms) => $@"^RedditTop\.({string.Join('|', rooms)})(\..+)?$";
}

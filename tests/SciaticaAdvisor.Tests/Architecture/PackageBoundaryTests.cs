using System.Text.RegularExpressions;
using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Architecture;

/// <summary>
/// Each shipped project shows its internals to its own tests (and the benchmarks) only: a package that used
/// another's internal members would break at run time when the two are upgraded apart. What the
/// packages share is public API or shared source (src/Shared, compiled into each).
/// </summary>
public sealed partial class PackageBoundaryTests
{
    /// <summary>
    /// The one other friend, and why: the benchmarks are test code, never shipped, and compare
    /// internal stages (the core's under another rules engine, a pipeline's stages one by one).
    /// </summary>
    private const string Benchmarks = "SciaticaAdvisor.Benchmarks";

    public static TheoryData<string> ShippedProjects() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedProjects))]
    public void AShippedProject_ShowsItsInternalsOnlyToItsTests(string project)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", project, project + ".csproj"));

        var others = Friend().Matches(text).Select(m => m.Groups[1].Value).Where(f => f != project + ".Tests" && f != Benchmarks);

        others.Should().BeEmpty("{0} must lend its internals to its own tests only", project);
    }

    [Fact]
    public void TheCheck_ReadsTheFriendsThere()
    {
        // So the theory above cannot pass by reading nothing.
        var core = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "SciaticaAdvisor", "SciaticaAdvisor.csproj"));

        Friend().Matches(core).Select(m => m.Groups[1].Value).Should().Contain("SciaticaAdvisor.Tests");
        ShippedProjects().Should().HaveCountGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void EveryFileInShared_IsCompiledSomewhere()
    {
        var shared = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "Shared"), "*.cs", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet();
        var compiled = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .SelectMany(NamespaceGraph.SharedSource).Select(Path.GetFullPath).ToHashSet();

        shared.Should().NotBeEmpty().And.BeSubsetOf(compiled, "a file in src/Shared that no project compiles is dead code");
    }

    [GeneratedRegex(@"<InternalsVisibleTo Include=""([^""]+)""")]
    private static partial Regex Friend();
}

using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Architecture;

/// <summary>
/// The core's folders (namespaces) depend on each other in one direction: the contract kernel on
/// nothing, the rule language on the profile, the engine on the language, the front door on all.
/// A new back-edge between folders fails here with the file and type that made it.
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// The one allowed back-edge, and why: AdviceInvariants (public, in Advice) checks an advice
    /// against its profile, while the profile names advice styles (AvoidStyles). Moving either would
    /// break a public namespace.
    /// </summary>
    private static readonly HashSet<(string From, string To)> Allowed = [("SciaticaAdvisor.Advice", "SciaticaAdvisor.Profiles")];

    private static readonly Lazy<NamespaceGraph> Core = new(() =>
        NamespaceGraph.ReadProject(Path.Combine(RepoPaths.Root, "src", "SciaticaAdvisor", "SciaticaAdvisor.csproj"), ["SciaticaAdvisor.Contract"]));

    [Fact]
    public void TheGraph_SeesTheUsesItShould()
    {
        // So the cycle check below cannot pass by seeing nothing.
        Core.Value.Uses("SciaticaAdvisor.Engine", "SciaticaAdvisor.Rules.Language").Should().BeTrue();
        Core.Value.Uses("SciaticaAdvisor.Profiles", "SciaticaAdvisor.Advice").Should().BeTrue();
        Core.Value.Uses("SciaticaAdvisor", "SciaticaAdvisor.Engine").Should().BeTrue();

        // The shared source the core compiles (src/Shared) is part of its graph.
        Core.Value.Uses("SciaticaAdvisor.Rules.Loading", "SciaticaAdvisor.Rules").Should().BeTrue();
        Core.Value.Uses("SciaticaAdvisor.Rules.Loading", "SciaticaAdvisor.Contract").Should().BeTrue();
    }

    [Fact]
    public void CoreFolders_HaveNoCycles()
    {
        var cycles = Core.Value.Cycles(Allowed);

        cycles.Should().BeEmpty("each folder depends on others in one direction; the uses are: {0}", Describe(cycles));
    }

    [Theory]
    [InlineData("SciaticaAdvisor.Contract")]
    public void TheContractKernel_DependsOnNoOtherFolder(string kernel)
    {
        Core.Value.Edges.GetValueOrDefault(kernel).Should().BeNullOrEmpty();
    }

    [Theory]
    [InlineData("SciaticaAdvisor.Rules.Language", "SciaticaAdvisor.Engine")]
    [InlineData("SciaticaAdvisor.Rules.Classes", "SciaticaAdvisor.Engine")]
    [InlineData("SciaticaAdvisor.Profiles", "SciaticaAdvisor.Serialization")]
    [InlineData("SciaticaAdvisor.Advice", "SciaticaAdvisor.Serialization")]
    public void TheRuleModelAndTheContract_DoNotReachUp(string from, string to)
    {
        Core.Value.Uses(from, to).Should().BeFalse(string.Join(", ", Core.Value.Edges.GetValueOrDefault(from)?.Where(e => e.To == to).Select(e => $"{e.File}: {e.Type}") ?? []));
    }

    private static string Describe(List<List<string>> cycles) => string.Join("; ", cycles.SelectMany(group =>
        group.SelectMany(from => Core.Value.Edges[from].Where(e => group.Contains(e.To) && !Allowed.Contains((from, e.To)))
            .Select(e => $"{from} -> {e.To} ({e.File}: {e.Type})"))));
}

using System.Collections.Immutable;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Scenarios;

/// <summary>One clinical scenario: a profile and what the advice for it must show.</summary>
public sealed record Scenario
{
    /// <summary>What the scenario shows, in one line; unique within its file.</summary>
    public required string Name { get; init; }

    /// <summary>The GUIDANCE items the scenario covers, such as <c>G4.1</c>.</summary>
    public required ImmutableArray<string> Guidance { get; init; }

    /// <summary>The profile, validated as strictly as any input.</summary>
    public required SymptomProfile Profile { get; init; }

    /// <summary>What the advice must show; only the expectations given are checked.</summary>
    public required ScenarioExpectations Expect { get; init; }

    /// <summary>The file the scenario came from.</summary>
    public required string Source { get; init; }

    /// <summary>The 1-based line where the scenario starts in <see cref="Source"/>.</summary>
    public required int Line { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Path.GetFileName(Source)}: {Name}";
}

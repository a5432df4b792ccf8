using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>What a study run wrote.</summary>
public sealed record StudyResult
{
    /// <summary>Profiles advised.</summary>
    public required long Profiles { get; init; }

    /// <summary>Rows written: profiles × variants.</summary>
    public required long Rows { get; init; }

    /// <summary>The files written, rows first.</summary>
    public required ImmutableArray<string> Files { get; init; }

    /// <summary>How long the run took.</summary>
    public required TimeSpan Elapsed { get; init; }
}

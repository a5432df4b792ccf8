using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>What a study run wrote.</summary>
public sealed record StudyResult
{
    /// <summary>Profiles advised.</summary>
    public required long Profiles { get; init; }

    /// <summary>Rows written: profiles × variants, faulted rows included.</summary>
    public required long Rows { get; init; }

    /// <summary>The files written, rows first.</summary>
    public required ImmutableArray<string> Files { get; init; }

    /// <summary>
    /// The reports of an earlier run of the same kind into the same folder that this run removed because
    /// it did not write them again (a dropped variant's charts, say); empty when none. Only reports a run
    /// of this tool listed as its own are ever removed, never rows or provenance.
    /// </summary>
    public ImmutableArray<string> Removed { get; init; } = [];

    /// <summary>How long the run took.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// The variants whose rules faulted on some profiles (their advice would break a GUIDANCE invariant), in
    /// study order; empty when none did. Each such profile has a row whose <c>fault</c> column holds the
    /// message and whose advice columns are null; every other row is advised as usual.
    /// </summary>
    public ImmutableArray<StudyFault> Faults { get; init; } = [];
}

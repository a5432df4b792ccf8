using System.Collections.Immutable;

namespace SciaticaAdvisor.Advice;

/// <summary>One suitable massage style, with its place in the ranking and how to apply it.</summary>
public sealed record StyleAdvice
{
    /// <summary>The style.</summary>
    public required MassageStyle Style { get; init; }

    /// <summary>The 1-based rank; 1 is the best.</summary>
    public required int Rank { get; init; }

    /// <summary>The score; higher is better. Sorting the styles by score, ties in <see cref="MassageStyle"/> order, gives the ranks.</summary>
    /// <remarks>
    /// The sum of the style's scores less any caution, raised just enough where a placement moved the
    /// style above one that scored higher (CONTRACT.md, style advice), so re-sorting by score never
    /// undoes a placement.
    /// </remarks>
    public required double Score { get; init; }

    /// <summary>The advised pressure.</summary>
    public required Pressure Pressure { get; init; }

    /// <summary>The parts of the body to concentrate on, in <see cref="FocusArea"/> order.</summary>
    public required ImmutableArray<FocusArea> FocusAreas { get; init; }

    /// <summary>Why this style suits, in plain words.</summary>
    public required string Rationale { get; init; }

    /// <summary>The rules that put the style here or shaped it, in firing order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }
}

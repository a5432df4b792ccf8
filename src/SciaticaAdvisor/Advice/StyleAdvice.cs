using System.Collections.Immutable;

namespace SciaticaAdvisor.Advice;

/// <summary>One suitable massage style, with its place in the ranking and how to apply it.</summary>
public sealed record StyleAdvice
{
    /// <summary>The style.</summary>
    public required MassageStyle Style { get; init; }

    /// <summary>The 1-based rank; 1 is the best.</summary>
    public required int Rank { get; init; }

    /// <summary>The score the ranking starts from; higher is better.</summary>
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

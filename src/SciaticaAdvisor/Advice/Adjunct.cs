using System.Collections.Immutable;

namespace SciaticaAdvisor.Advice;

/// <summary>A therapy to use beside massage.</summary>
public sealed record Adjunct
{
    /// <summary>The therapy.</summary>
    public required AdjunctTherapy Therapy { get; init; }

    /// <summary>Why and how to use it.</summary>
    public required string Reason { get; init; }

    /// <summary>The rules behind it, in firing order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }
}

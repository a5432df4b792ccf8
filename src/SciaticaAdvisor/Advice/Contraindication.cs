using System.Collections.Immutable;

namespace SciaticaAdvisor.Advice;

/// <summary>A style to avoid or to use only with caution.</summary>
public sealed record Contraindication
{
    /// <summary>The style.</summary>
    public required MassageStyle Style { get; init; }

    /// <summary>The strongest level any rule gave.</summary>
    public required ContraindicationLevel Level { get; init; }

    /// <summary>The reasons of every rule that gave one, joined with <c>"; "</c> in firing order.</summary>
    public required string Reason { get; init; }

    /// <summary>The rules behind it, in firing order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }
}

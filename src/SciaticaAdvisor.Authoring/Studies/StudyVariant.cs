using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>One rule-set variant of a study: the layers of rule files, and settings and disabled rules on top of them.</summary>
public sealed record StudyVariant
{
    /// <summary>The variant's name, the value of the <c>variant</c> column.</summary>
    public required string Name { get; init; }

    /// <summary>The rule layers, base first, as the study file writes them: <c>@default</c> or a path relative to the study file.</summary>
    public required ImmutableArray<string> Rules { get; init; }

    /// <summary>Settings that override those of the layers (<c>cautionPenalty</c>), by name.</summary>
    public required ImmutableDictionary<string, double> Settings { get; init; }

    /// <summary>Ids of rules of the layers that the variant turns off.</summary>
    public required ImmutableArray<string> Disable { get; init; }
}

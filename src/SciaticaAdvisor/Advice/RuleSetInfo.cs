using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>Which rule set produced an advice, so the advice can be audited.</summary>
/// <remarks>
/// For a layered rule set, <see cref="Name"/>, <see cref="Version"/> and <see cref="Sha256"/>
/// describe the top layer and <see cref="Layers"/> lists every layer, the base first.
/// </remarks>
public sealed record RuleSetInfo
{
    /// <summary>The rule set's name.</summary>
    public required string Name { get; init; }

    /// <summary>The rule set's version.</summary>
    public required string Version { get; init; }

    /// <summary>The SHA-256 of the rule file's text in lowercase hex (UTF-8, no byte-order mark, LF line ends).</summary>
    public required string Sha256 { get; init; }

    /// <summary>Every layer, the base first, when the rule set has more than one; otherwise <see langword="null"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<RuleSetInfo>? Layers { get; init; }
}

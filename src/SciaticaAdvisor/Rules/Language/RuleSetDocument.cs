using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>A rule file as loaded: its header, settings and rules, checked against the profile model.</summary>
internal sealed record RuleSetDocument
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public string? Description { get; init; }

    public required string Source { get; init; }

    public required string Sha256 { get; init; }

    public double? CautionPenalty { get; init; }

    public IReadOnlyDictionary<MassageStyle, StyleSettings> Styles { get; init; } = new Dictionary<MassageStyle, StyleSettings>();

    /// <summary>The lower layers' rules this file turns off, each where the file names it.</summary>
    public IReadOnlyList<DisabledRule> Disable { get; init; } = [];

    public required IReadOnlyList<RuleDefinition> Rules { get; init; }
}

/// <summary>A rule id in a file's <c>disable</c> list, with its line and column in that file.</summary>
internal sealed record DisabledRule(string Id, int Line, int Column);

/// <summary>A style's natural pressure and default focus, as a rule file sets them.</summary>
internal sealed record StyleSettings(Pressure? Pressure, int? FocusMask);

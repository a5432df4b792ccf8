namespace SciaticaAdvisor.Rules.Language;

/// <summary>One rule as loaded from a rule file, checked but not yet compiled.</summary>
internal sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Guidance { get; init; }

    public int Priority { get; init; }

    public bool Replace { get; init; }

    /// <summary>The condition, or <see langword="null"/> for a rule that always fires.</summary>
    public Condition? When { get; init; }

    public required IReadOnlyList<RuleAction> Then { get; init; }

    public required string Source { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }
}

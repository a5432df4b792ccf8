using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>One rule as loaded from a rule file, checked but not yet compiled.</summary>
internal sealed record RuleDefinition
{
    public required string Id
    {
        get;
        init
        {
            field = value;
            TraceEntry = new TraceEntry(value, Name);
        }
    }

    public required string Name
    {
        get;
        init
        {
            field = value;
            TraceEntry = new TraceEntry(Id, value);
        }
    }

    /// <summary>
    /// The rule's entry in an advice's trace: made with the rule (again whenever its id or name is
    /// set), so every advice it fires in shares the one instance, which is immutable and equal to
    /// any entry of the same id and name.
    /// </summary>
    public TraceEntry TraceEntry { get; private init; } = null!;

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

namespace SciaticaAdvisor.Engine;

/// <summary>A fact a rule derived, for other rules to test. The deriving rule's id keeps two derivations of one name distinct, as NRules requires.</summary>
internal sealed record DerivedFact(string Name, string RuleId)
{
    /// <summary>The sheet of the profile it was derived for: rules join on it, so one session can advise several profiles.</summary>
    public AdviceSheet? Owner { get; init; }
}

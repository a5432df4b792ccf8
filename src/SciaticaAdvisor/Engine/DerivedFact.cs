namespace SciaticaAdvisor.Engine;

/// <summary>A fact a rule derived, for other rules to test.</summary>
/// <remarks>
/// A class, not a record: NRules finds a fact in working memory by its hash and equality, and a
/// record's would hash the name and rule id on every insert. Reference identity is enough, as the
/// sheet inserts only a name's first derivation per profile (<see cref="AdviceSheet.Derive"/>), so
/// no two facts in a session could be equal anyway.
/// </remarks>
internal sealed class DerivedFact(string name, string ruleId, AdviceSheet owner)
{
    public string Name { get; } = name;

    /// <summary>The rule that derived it, for a reader of the session.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The sheet of the profile it was derived for: rules join on it, so one session can advise several profiles.</summary>
    public AdviceSheet Owner { get; } = owner;
}

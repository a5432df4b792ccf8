namespace SciaticaAdvisor.Reference;

/// <summary>The reasons several rules gave for one thing, and those rules, in firing order.</summary>
internal sealed class ReasonList
{
    public List<string> Texts { get; } = [];

    public List<string> RuleIds { get; } = [];

    /// <summary>The reasons joined with <c>"; "</c>, as CONTRACT.md asks.</summary>
    public string Joined => string.Join("; ", Texts);

    public void Add(string reason, string ruleId)
    {
        Texts.Add(reason);
        RuleIds.Add(ruleId);
    }
}

using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Reference;

/// <summary>One candidate style while the hand-coded rules shape it.</summary>
internal sealed class StyleDraft(MassageStyle style, Pressure naturalPressure, FocusArea defaultFocus)
{
    public MassageStyle Style { get; } = style;

    public double Score { get; set; }

    /// <summary>G8: the natural pressure, lowered by every cap that fires.</summary>
    public Pressure Pressure { get; set; } = naturalPressure;

    public FocusArea DefaultFocus { get; } = defaultFocus;

    public SortedSet<FocusArea> Focus { get; } = [];

    public List<string> Rationale { get; } = [];

    public List<string> RuleIds { get; } = [];

    public void AddRuleId(string ruleId)
    {
        if (!RuleIds.Contains(ruleId))
        {
            RuleIds.Add(ruleId);
        }
    }
}

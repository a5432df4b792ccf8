using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Reference;

/// <summary>What the hand-coded rules have found for one profile, in the order they found it.</summary>
/// <remarks>
/// "Firing order" in this reference is simply the order <see cref="HandCodedAdvisor"/> applies the
/// rules in; reasons are joined in that order, as CONTRACT.md asks.
/// </remarks>
internal sealed class AdviceDraft
{
    private readonly HashSet<string> _fired = [];

    public AdviceDraft()
    {
        foreach (var style in Enum.GetValues<MassageStyle>())
        {
            Styles[style] = new StyleDraft(style, Weights.NaturalPressure(style), Weights.DefaultFocus(style));
        }
    }

    /// <summary>Every style starts as a candidate: G9 and invariant 1 make the advised styles exactly those not avoided.</summary>
    public Dictionary<MassageStyle, StyleDraft> Styles { get; } = [];

    public List<TraceEntry> Trace { get; } = [];

    public Dictionary<MassageStyle, ContraindicationDraft> Contraindications { get; } = [];

    public Dictionary<AdjunctTherapy, ReasonList> Adjuncts { get; } = [];

    public List<(ReferralUrgency Urgency, string Reason, string RuleId)> Referrals { get; } = [];

    public List<string> Notes { get; } = [];

    public List<Placement> Placements { get; } = [];

    public PlanPhase Phase { get; set; } = PlanPhase.Maintenance;

    /// <summary>Records that a rule fired and returns its id, for the actions it takes.</summary>
    public string Fire(string ruleId, string name)
    {
        if (_fired.Add(ruleId))
        {
            Trace.Add(new TraceEntry(ruleId, name));
        }

        return ruleId;
    }

    public IReadOnlyList<StyleDraft> Advised =>
        [.. Styles.Values.Where(s => !IsAvoided(s.Style)).OrderBy(s => s.Style)];

    public bool IsAvoided(MassageStyle style) =>
        Contraindications.TryGetValue(style, out var c) && c.Level == ContraindicationLevel.Avoid;

    public bool IsContraindicated(MassageStyle style) => Contraindications.ContainsKey(style);

    public void Recommend(string ruleId, MassageStyle style, double score, string? rationale = null)
    {
        var draft = Styles[style];
        draft.Score += score;
        if (rationale is not null)
        {
            draft.Rationale.Add(rationale);
        }

        draft.AddRuleId(ruleId);
    }

    /// <summary>One entry per style: the stronger level wins and the reasons are joined (CONTRACT.md).</summary>
    public void Contraindicate(string ruleId, MassageStyle style, ContraindicationLevel level, string reason)
    {
        if (!Contraindications.TryGetValue(style, out var entry))
        {
            entry = new ContraindicationDraft();
            Contraindications[style] = entry;
        }

        entry.Add(level, reason, ruleId);
        Styles[style].AddRuleId(ruleId);
    }

    /// <summary>G8: the lowest cap wins, for every style.</summary>
    public void CapPressure(string ruleId, Pressure max)
    {
        foreach (var style in Styles.Values.Where(s => s.Pressure > max))
        {
            style.Pressure = max;
            style.AddRuleId(ruleId);
        }
    }

    /// <summary>G8: a style's focus areas are the union of those the rules give it.</summary>
    public void Focus(string ruleId, MassageStyle style, params FocusArea[] areas)
    {
        var draft = Styles[style];
        draft.Focus.UnionWith(areas);
        draft.AddRuleId(ruleId);
    }

    public void Adjunct(string ruleId, AdjunctTherapy therapy, string reason)
    {
        if (!Adjuncts.TryGetValue(therapy, out var entry))
        {
            entry = new ReasonList();
            Adjuncts[therapy] = entry;
        }

        entry.Add(reason, ruleId);
    }

    public void Refer(string ruleId, ReferralUrgency urgency, string reason) => Referrals.Add((urgency, reason, ruleId));

    public void Note(string text)
    {
        if (!Notes.Contains(text))
        {
            Notes.Add(text);
        }
    }

    public void Place(string ruleId, Placement placement)
    {
        Placements.Add(placement);
        foreach (var style in placement.Placed)
        {
            Styles[style].AddRuleId(ruleId);
        }
    }
}

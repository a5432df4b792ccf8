using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>What a rule does when it fires: a closed set of actions that only write to the advice sheet or assert facts.</summary>
internal abstract record RuleAction
{
    public abstract void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts);
}

/// <summary>Makes the style a candidate and adds to its score.</summary>
internal sealed record RecommendAction(MassageStyle Style, double Score, string? Rationale) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.Recommend(Style, Score, Rationale, rule.Id);
}

/// <summary>Advises against the style: avoid removes it, caution lowers its score.</summary>
internal sealed record ContraindicateAction(MassageStyle Style, ContraindicationLevel Level, string Reason) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts)
    {
        if (sheet.Contraindicate(Style, Level, Reason, rule.Id))
        {
            facts.Insert(new StyleAvoidedFact(Style));
        }
    }
}

/// <summary>Caps the pressure of the listed styles.</summary>
internal sealed record CapPressureAction(Pressure Max, IReadOnlyList<MassageStyle> Styles) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts)
    {
        foreach (var style in Styles)
        {
            sheet.CapPressure(style, Max, rule.Id);
        }
    }
}

/// <summary>Adds focus areas to the listed styles.</summary>
internal sealed record FocusAction(IReadOnlyList<MassageStyle> Styles, int AreaMask) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts)
    {
        foreach (var style in Styles)
        {
            sheet.Focus(style, AreaMask, rule.Id);
        }
    }
}

/// <summary>Advises a therapy beside massage.</summary>
internal sealed record AdjunctAction(AdjunctTherapy Therapy, string Reason) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.AddAdjunct(Therapy, Reason, rule.Id);
}

/// <summary>Refers the person to a doctor.</summary>
internal sealed record ReferAction(ReferralUrgency Urgency, string Reason) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.Refer(Urgency, Reason, rule.Id);
}

/// <summary>Adds a note for the person or the therapist.</summary>
internal sealed record NoteAction(string Text) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.AddNote(Text);
}

/// <summary>Sets the plan's current phase; the most intensive phase set wins.</summary>
internal sealed record PhaseAction(PlanPhase Phase) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.SetPhase(Phase);
}

/// <summary>Asserts a fact other rules can test.</summary>
internal sealed record DeriveAction(string Name) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => facts.Insert(new DerivedFact(Name, rule.Id));
}

/// <summary>A placement the ranking must keep, whatever the scores.</summary>
internal sealed record PlaceAction(Placement Placement) : RuleAction
{
    public override void Apply(AdviceSheet sheet, RuleDefinition rule, IFactSink facts) => sheet.Place(Placement with { RuleId = rule.Id });
}

using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Reference;

/// <summary>Turns a finished draft into the advice, combining as CONTRACT.md and rule-language.md step 2-6 say.</summary>
internal static class AdviceAssembly
{
    /// <summary>No rule file: the hash is that of the empty text.</summary>
    public static RuleSetInfo RuleSet { get; } = new()
    {
        Name = "hand-coded",
        Version = "1.1.0",
        Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };

    public static MassageAdvice Assemble(AdviceDraft draft, bool clearanceNeeded)
    {
        var advised = draft.Advised;
        var doctorFirst = draft.Referrals.Exists(r => r.Urgency != ReferralUrgency.Routine);
        var status = doctorFirst || advised.Count == 0 ? AdviceStatus.Referral
            : clearanceNeeded ? AdviceStatus.ClearanceNeeded
            : AdviceStatus.Recommended;
        var showsMassage = status != AdviceStatus.Referral;

        return new MassageAdvice
        {
            Status = status,
            Styles = showsMassage ? RankedStyles(draft, advised) : [],
            Contraindications = Contraindications(draft),
            Adjuncts = showsMassage ? Adjuncts(draft) : [],
            Plan = showsMassage ? FrequencyPlan.For(draft.Phase) : null,
            Referral = Referral(draft),
            Notes = [.. draft.Notes],
            Trace = [.. draft.Trace],
            RuleSet = RuleSet,
        };
    }

    private static ImmutableArray<StyleAdvice> RankedStyles(AdviceDraft draft, IReadOnlyList<StyleDraft> advised)
    {
        foreach (var style in advised.Where(s => draft.IsContraindicated(s.Style)))
        {
            // Only cautions are left among the advised styles; each costs the penalty once.
            style.Score -= Weights.CautionPenalty;
        }

        var order = Ranking.Order(advised, draft.Placements);
        var shown = Ranking.ShownScores(order);
        return [.. order.Select((s, i) => new StyleAdvice
        {
            Style = s.Style,
            Rank = i + 1,
            Score = shown[i],
            Pressure = s.Pressure,
            FocusAreas = s.Focus.Count == 0 ? [s.DefaultFocus] : [.. s.Focus],
            Rationale = string.Join(" ", s.Rationale),
            RuleIds = [.. s.RuleIds],
        })];
    }

    private static ImmutableArray<Contraindication> Contraindications(AdviceDraft draft) =>
    [
        .. draft.Contraindications
            .OrderBy(c => c.Key)
            .Select(c => new Contraindication
            {
                Style = c.Key,
                Level = c.Value.Level,
                Reason = c.Value.Reasons.Joined,
                RuleIds = [.. c.Value.Reasons.RuleIds.Distinct()],
            }),
    ];

    private static ImmutableArray<Adjunct> Adjuncts(AdviceDraft draft) =>
    [
        .. draft.Adjuncts
            .OrderBy(a => a.Key)
            .Select(a => new Adjunct { Therapy = a.Key, Reason = a.Value.Joined, RuleIds = [.. a.Value.RuleIds.Distinct()] }),
    ];

    private static Referral? Referral(AdviceDraft draft) =>
        draft.Referrals.Count == 0
            ? null
            : new Referral
            {
                Urgency = draft.Referrals.Min(r => r.Urgency),
                Reasons = [.. draft.Referrals.Select(r => r.Reason)],
                RuleIds = [.. draft.Referrals.Select(r => r.RuleId).Distinct()],
            };
}

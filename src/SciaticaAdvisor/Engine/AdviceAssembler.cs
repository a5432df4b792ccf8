using System.Collections.Immutable;
using System.Runtime.InteropServices;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Engine;

/// <summary>Combines what the fired rules wrote into the advice, with the aggregation rules of the contract.</summary>
internal static class AdviceAssembler
{
    private static readonly FrequencyPlan[] Plans = [.. Enum.GetValues<PlanPhase>().Select(FrequencyPlan.For)];

    /// <summary>The advice the sheet's rules give.</summary>
    /// <param name="profile">The profile advised.</param>
    /// <param name="sheet">What its fired rules wrote.</param>
    /// <param name="ruleSet">The rule set that wrote it.</param>
    /// <param name="parts">Where the advice's arrays and joined strings come from: the rule set's shared ones.</param>
    public static MassageAdvice Assemble(SymptomProfile profile, AdviceSheet sheet, RuleSetInfo ruleSet, AdviceParts parts)
    {
        var referral = sheet.Referral is { } r
            ? new Referral { Urgency = sheet.Urgency, Reasons = parts.Strings.Of(r.Reasons), RuleIds = parts.Strings.Of(r.RuleIds) }
            : null;
        var styles = RankStyles(sheet, ruleSet, parts);
        var status = Status(profile, referral, styles.Length);
        var advised = status != AdviceStatus.Referral;
        if (advised && sheet.Phase is null)
        {
            throw new RuleSetFaultException(Describe(ruleSet), "styles are advised but no fired rule set the plan phase");
        }

        return new MassageAdvice
        {
            Status = status,
            Styles = advised ? styles : [],
            Contraindications = Contraindications(sheet, parts),
            Adjuncts = advised ? Adjuncts(sheet, parts) : [],
            Plan = advised ? Plans[(int)sheet.Phase!.Value] : null,
            Referral = referral,
            Notes = parts.Strings.Of(sheet.Notes),
            Trace = TraceOf(sheet),
            RuleSet = ruleSet,
        };
    }

    internal static string Describe(RuleSetInfo ruleSet) => $"{ruleSet.Name} {ruleSet.Version}";

    private static AdviceStatus Status(SymptomProfile profile, Referral? referral, int styleCount)
    {
        if (referral?.Urgency is ReferralUrgency.Emergency or ReferralUrgency.Urgent || styleCount == 0)
        {
            return AdviceStatus.Referral;
        }

        return profile.DiagnosisConfirmed && profile.ClinicianApproved ? AdviceStatus.Recommended : AdviceStatus.ClearanceNeeded;
    }

    private static ImmutableArray<StyleAdvice> RankStyles(AdviceSheet sheet, RuleSetInfo ruleSet, AdviceParts parts)
    {
        var penalty = sheet.Settings.CautionPenalty;
        var candidates = new List<MassageStyle>(AdviceSheet.StyleCount);
        Span<double> scores = stackalloc double[AdviceSheet.StyleCount];
        for (var i = 0; i < AdviceSheet.StyleCount; i++)
        {
            var entry = sheet.Styles[i];
            scores[i] = entry.Score - (entry.Level == ContraindicationLevel.Caution ? penalty : 0);
            if (entry.Recommended && entry.Level != ContraindicationLevel.Avoid)
            {
                candidates.Add((MassageStyle)i);
            }
        }

        // Best score first; a stable insertion sort (five styles at most) keeps the fixed style order
        // between equal scores, as a stable sort by descending score does.
        for (var i = 1; i < candidates.Count; i++)
        {
            for (var j = i; j > 0 && scores[(int)candidates[j - 1]] < scores[(int)candidates[j]]; j--)
            {
                (candidates[j - 1], candidates[j]) = (candidates[j], candidates[j - 1]);
            }
        }

        var order = Ranking.Order(candidates, sheet.Placements)
            ?? throw new RuleSetFaultException(Describe(ruleSet), "no ranking keeps every placement: " + string.Join("; ", sheet.Placements.Select(p => $"{p.Describe()} ({p.RuleId})")));

        Span<double> shown = stackalloc double[order.Count];
        Ranking.ShownScores(order, scores, shown);
        var styles = new StyleAdvice[order.Count];
        for (var rank = 0; rank < styles.Length; rank++)
        {
            var style = order[rank];
            var entry = sheet.Styles[(int)style];
            var natural = sheet.Settings.NaturalPressure(style);
            styles[rank] = new StyleAdvice
            {
                Style = style,
                Rank = rank + 1,
                Score = shown[rank],
                Pressure = entry.Cap is { } cap && cap < natural ? cap : natural,
                FocusAreas = EnumSet.ListOf<FocusArea>(entry.FocusMask == 0 ? sheet.Settings.DefaultFocus(style) : entry.FocusMask),
                Rationale = entry.Rationale.Count > 0 ? parts.Rationales.Join(entry.Rationale) : "Suitable for this profile.",
                RuleIds = parts.Strings.Of(entry.RuleIds),
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(styles);
    }

    private static ImmutableArray<Contraindication> Contraindications(AdviceSheet sheet, AdviceParts parts)
    {
        var count = 0;
        for (var i = 0; i < AdviceSheet.StyleCount; i++)
        {
            count += sheet.Styles[i].Level is null ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var contraindications = new Contraindication[count];
        var at = 0;
        for (var i = 0; i < AdviceSheet.StyleCount; i++)
        {
            var entry = sheet.Styles[i];
            if (entry.Level is { } level)
            {
                contraindications[at++] = new Contraindication
                {
                    Style = (MassageStyle)i,
                    Level = level,
                    Reason = parts.Reasons.Join(entry.Contraindication.Reasons),
                    RuleIds = parts.Strings.Of(entry.Contraindication.RuleIds),
                };
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(contraindications);
    }

    private static ImmutableArray<Adjunct> Adjuncts(AdviceSheet sheet, AdviceParts parts)
    {
        var given = sheet.Adjuncts;
        if (given.Count == 0)
        {
            return [];
        }

        var adjuncts = new Adjunct[given.Count];
        for (var i = 0; i < adjuncts.Length; i++)
        {
            var (therapy, entry) = given[i];
            adjuncts[i] = new Adjunct { Therapy = therapy, Reason = parts.Reasons.Join(entry.Reasons), RuleIds = parts.Strings.Of(entry.RuleIds) };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(adjuncts);
    }

    /// <summary>The fired rules as the advice's trace, in firing order.</summary>
    private static ImmutableArray<TraceEntry> TraceOf(AdviceSheet sheet)
    {
        var fired = sheet.Trace;
        var trace = new TraceEntry[fired.Count];
        for (var i = 0; i < trace.Length; i++)
        {
            trace[i] = fired[i].TraceEntry;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(trace);
    }
}

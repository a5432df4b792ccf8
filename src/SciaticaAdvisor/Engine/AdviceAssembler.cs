using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Engine;

/// <summary>Combines what the fired rules wrote into the advice, with the aggregation rules of the contract.</summary>
internal static class AdviceAssembler
{
    private static readonly FrequencyPlan[] Plans = [.. Enum.GetValues<PlanPhase>().Select(FrequencyPlan.For)];

    public static MassageAdvice Assemble(SymptomProfile profile, AdviceSheet sheet, RuleSetInfo ruleSet)
    {
        var referral = sheet.Referral is { } r
            ? new Referral { Urgency = sheet.Urgency, Reasons = [.. r.Reasons], RuleIds = [.. r.RuleIds] }
            : null;
        var styles = RankStyles(sheet, ruleSet);
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
            Contraindications = Contraindications(sheet),
            Adjuncts = advised ? Adjuncts(sheet) : [],
            Plan = advised ? Plans[(int)sheet.Phase!.Value] : null,
            Referral = referral,
            Notes = [.. sheet.Notes],
            Trace = [.. sheet.Trace.Select(rule => new TraceEntry(rule.Id, rule.Name))],
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

    private static ImmutableArray<StyleAdvice> RankStyles(AdviceSheet sheet, RuleSetInfo ruleSet)
    {
        var penalty = sheet.Settings.CautionPenalty;
        var candidates = new List<MassageStyle>(AdviceSheet.StyleCount);
        for (var i = 0; i < AdviceSheet.StyleCount; i++)
        {
            var entry = sheet.Styles[i];
            if (entry.Recommended && entry.Level != ContraindicationLevel.Avoid)
            {
                candidates.Add((MassageStyle)i);
            }
        }

        double Score(MassageStyle style)
        {
            var entry = sheet.Styles[(int)style];
            return entry.Score - (entry.Level == ContraindicationLevel.Caution ? penalty : 0);
        }

        // Best score first; a stable insertion sort (five styles at most) keeps the fixed style order
        // between equal scores, as a stable sort by descending score does.
        for (var i = 1; i < candidates.Count; i++)
        {
            for (var j = i; j > 0 && Score(candidates[j - 1]) < Score(candidates[j]); j--)
            {
                (candidates[j - 1], candidates[j]) = (candidates[j], candidates[j - 1]);
            }
        }

        var order = Ranking.Order(candidates, sheet.Placements)
            ?? throw new RuleSetFaultException(Describe(ruleSet), "no ranking keeps every placement: " + string.Join("; ", sheet.Placements.Select(p => $"{p.Describe()} ({p.RuleId})")));

        var shown = Ranking.ShownScores(order, Score);
        var builder = ImmutableArray.CreateBuilder<StyleAdvice>(order.Count);
        foreach (var style in order)
        {
            var entry = sheet.Styles[(int)style];
            var natural = sheet.Settings.NaturalPressure(style);
            builder.Add(new StyleAdvice
            {
                Style = style,
                Rank = builder.Count + 1,
                Score = shown[builder.Count],
                Pressure = entry.Cap is { } cap && cap < natural ? cap : natural,
                FocusAreas = EnumSet.ListOf<FocusArea>(entry.FocusMask == 0 ? sheet.Settings.DefaultFocus(style) : entry.FocusMask),
                Rationale = entry.Rationale.Count > 0 ? string.Join(" ", entry.Rationale) : "Suitable for this profile.",
                RuleIds = [.. entry.RuleIds],
            });
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<Contraindication> Contraindications(AdviceSheet sheet)
    {
        var builder = ImmutableArray.CreateBuilder<Contraindication>();
        for (var i = 0; i < AdviceSheet.StyleCount; i++)
        {
            var entry = sheet.Styles[i];
            if (entry.Level is { } level)
            {
                builder.Add(new Contraindication
                {
                    Style = (MassageStyle)i,
                    Level = level,
                    Reason = string.Join("; ", entry.Contraindication.Reasons),
                    RuleIds = [.. entry.Contraindication.RuleIds],
                });
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<Adjunct> Adjuncts(AdviceSheet sheet) =>
        [.. sheet.Adjuncts.Select(a => new Adjunct { Therapy = a.Key, Reason = string.Join("; ", a.Value.Reasons), RuleIds = [.. a.Value.RuleIds] })];
}

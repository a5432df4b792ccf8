using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>Checks one advice against the invariants at the end of GUIDANCE.md, for any advisor.</summary>
/// <remarks>
/// Invariant 6 (the same profile always gives byte-identical JSON) needs two advices to compare;
/// this checker covers its one-advice part: entries that come from sets are in canonical order
/// (contraindications in style order, focus areas in <see cref="FocusArea"/> order without repeats),
/// so the output cannot depend on the order of a profile's set values. Thread-safe and stateless.
/// </remarks>
public static class InvariantChecker
{
    /// <summary>Returns every invariant the advice breaks for the profile, each as a sentence naming its number; empty when it keeps them all.</summary>
    /// <param name="profile">The profile the advice answers.</param>
    /// <param name="advice">The advice to check.</param>
    /// <returns>The violations; empty when there are none.</returns>
    public static IReadOnlyList<string> Check(SymptomProfile profile, MassageAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(advice);
        var violations = new List<string>();
        NoAvoidedStyle(profile, advice, violations);
        GentleInAcuteFlare(profile, advice, violations);
        StatusMatchesContent(advice, violations);
        RanksAndUniqueness(advice, violations);
        RuleIdsTraced(advice, violations);
        CanonicalOrder(advice, violations);
        ScoresAgreeWithRanks(advice, violations);
        return violations;
    }

    /// <summary>7: re-sorting the styles by score, higher first and ties in style order, gives the rank order.</summary>
    private static void ScoresAgreeWithRanks(MassageAdvice advice, List<string> violations)
    {
        var byRank = advice.Styles.OrderBy(s => s.Rank).Select(s => s.Style).ToList();
        var byScore = advice.Styles.OrderByDescending(s => s.Score).ThenBy(s => s.Style).Select(s => s.Style).ToList();
        if (!byScore.SequenceEqual(byRank))
        {
            violations.Add($"7: sorted by score the styles are [{string.Join(", ", byScore)}], by rank [{string.Join(", ", byRank)}]");
        }
    }

    private static void NoAvoidedStyle(SymptomProfile profile, MassageAdvice advice, List<string> violations)
    {
        var avoided = advice.Contraindications.Where(c => c.Level == ContraindicationLevel.Avoid).Select(c => c.Style).ToHashSet();
        foreach (var style in advice.Styles.Select(s => s.Style))
        {
            if (avoided.Contains(style))
            {
                violations.Add($"1: {style} is advised although contraindicated at level avoid");
            }

            if (profile.AvoidStyles.Contains(style))
            {
                violations.Add($"1: {style} is advised although the person does not want it");
            }
        }
    }

    private static void GentleInAcuteFlare(SymptomProfile profile, MassageAdvice advice, List<string> violations)
    {
        if (profile.Flare != FlareState.Acute)
        {
            return;
        }

        if (advice.Styles.Any(s => s.Style == MassageStyle.DeepTissue))
        {
            violations.Add("2: deepTissue is advised during an acute flare");
        }

        foreach (var style in advice.Styles.Where(s => s.Pressure > Pressure.Light))
        {
            violations.Add($"2: {style.Style} has {style.Pressure} pressure during an acute flare");
        }
    }

    private static void StatusMatchesContent(MassageAdvice advice, List<string> violations)
    {
        if (advice.Referral is { Urgency: ReferralUrgency.Emergency or ReferralUrgency.Urgent } referral
            && advice.Status != AdviceStatus.Referral)
        {
            violations.Add($"3: an {referral.Urgency} referral with status {advice.Status}");
        }

        if (advice.Status == AdviceStatus.Referral)
        {
            if (!advice.Styles.IsEmpty)
            {
                violations.Add($"3: status referral with {advice.Styles.Length} styles");
            }

            if (!advice.Adjuncts.IsEmpty)
            {
                violations.Add($"3: status referral with {advice.Adjuncts.Length} adjuncts");
            }

            if (advice.Plan is not null)
            {
                violations.Add("3: status referral with a plan");
            }
        }
        else if (advice.Styles.IsEmpty)
        {
            violations.Add($"3: status {advice.Status} with no styles");
        }
    }

    private static void RanksAndUniqueness(MassageAdvice advice, List<string> violations)
    {
        for (var i = 0; i < advice.Styles.Length; i++)
        {
            if (advice.Styles[i].Rank != i + 1)
            {
                violations.Add($"4: {advice.Styles[i].Style} at position {i + 1} has rank {advice.Styles[i].Rank}");
            }
        }

        foreach (var style in advice.Styles.GroupBy(s => s.Style).Where(g => g.Count() > 1))
        {
            violations.Add($"4: {style.Key} appears {style.Count()} times in styles");
        }

        foreach (var style in advice.Contraindications.GroupBy(c => c.Style).Where(g => g.Count() > 1))
        {
            violations.Add($"4: {style.Key} appears {style.Count()} times in contraindications");
        }
    }

    private static void RuleIdsTraced(MassageAdvice advice, List<string> violations)
    {
        var traced = advice.Trace.Select(t => t.RuleId).ToHashSet(StringComparer.Ordinal);
        var used = advice.Styles.SelectMany(s => s.RuleIds.Select(id => (Where: $"styles {s.Style}", Id: id)))
            .Concat(advice.Contraindications.SelectMany(c => c.RuleIds.Select(id => (Where: $"contraindications {c.Style}", Id: id))))
            .Concat(advice.Adjuncts.SelectMany(a => a.RuleIds.Select(id => (Where: $"adjuncts {a.Therapy}", Id: id))))
            .Concat((advice.Referral?.RuleIds ?? []).Select(id => (Where: "referral", Id: id)));
        foreach (var (where, id) in used.Where(u => !traced.Contains(u.Id)))
        {
            violations.Add($"5: rule '{id}' in {where} is not in the trace");
        }
    }

    private static void CanonicalOrder(MassageAdvice advice, List<string> violations)
    {
        var styles = advice.Contraindications.Select(c => c.Style).ToList();
        if (!styles.SequenceEqual(styles.Order()))
        {
            violations.Add("6: contraindications are not in style order");
        }

        foreach (var style in advice.Styles)
        {
            if (!style.FocusAreas.SequenceEqual(style.FocusAreas.Distinct().Order()))
            {
                violations.Add($"6: {style.Style}'s focus areas are not in canonical order without repeats");
            }
        }
    }
}

using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Scenarios;

/// <summary>Checks each given expectation against an advice, one readable message per one that does not hold.</summary>
internal static class ExpectationChecks
{
    public static IEnumerable<string> Check(ScenarioExpectations expect, MassageAdvice advice) =>
        new[]
        {
            StatusAndPlan(expect, advice),
            Styles(expect, advice),
            Ranks(expect, advice),
            Contraindications(expect, advice),
            Pressures(expect, advice),
            Focus(expect, advice),
            ReferralAndNotes(expect, advice),
            Rules(expect, advice),
        }.SelectMany(failures => failures);

    private static IEnumerable<string> StatusAndPlan(ScenarioExpectations expect, MassageAdvice advice)
    {
        if (expect.Status is { } status && status != advice.Status)
        {
            yield return $"status: expected {Name(status)}, was {Name(advice.Status)}";
        }

        if (expect.ChecksPhase && expect.Phase != advice.Plan?.CurrentPhase)
        {
            yield return $"phase: expected {PhaseName(expect.Phase)}, was {PhaseName(advice.Plan?.CurrentPhase)}";
        }

        if (expect.Adjuncts is { } adjuncts)
        {
            var actual = advice.Adjuncts.Select(a => a.Therapy).ToHashSet();
            if (!actual.SetEquals(adjuncts))
            {
                yield return $"adjuncts: expected {List(adjuncts)}, was {List(advice.Adjuncts.Select(a => a.Therapy))}";
            }
        }
    }

    private static IEnumerable<string> Styles(ScenarioExpectations expect, MassageAdvice advice)
    {
        if (expect.TopStyle is { } top)
        {
            var actual = advice.Styles.IsEmpty ? null : (MassageStyle?)advice.Styles[0].Style;
            if (actual is null || !top.Contains(actual.Value))
            {
                var expected = top.Length == 1 ? Name(top[0]) : "one of " + string.Join(", ", top.Select(Name));
                yield return $"topStyle: expected {expected}, was {(actual is { } a ? Name(a) : "none (no styles)")}";
            }
        }

        foreach (var style in expect.StylesPresent ?? [])
        {
            if (Find(advice, style) is null)
            {
                yield return $"stylesPresent: {Name(style)} is not in styles ({StyleList(advice)})";
            }
        }

        foreach (var style in expect.StylesAbsent ?? [])
        {
            if (Find(advice, style) is { } found)
            {
                yield return $"stylesAbsent: {Name(style)} is in styles at rank {found.Rank}";
            }
        }
    }

    private static IEnumerable<string> Ranks(ScenarioExpectations expect, MassageAdvice advice)
    {
        foreach (var limit in expect.RankAtMost ?? [])
        {
            var found = Find(advice, limit.Style);
            if (found is null || found.Rank > limit.MaxRank)
            {
                yield return $"rankAtMost: {Name(limit.Style)} expected rank at most {limit.MaxRank}, was {(found is null ? "not in styles" : found.Rank)}";
            }
        }

        foreach (var order in expect.RankedAbove ?? [])
        {
            var higher = Find(advice, order.Higher);
            var lower = Find(advice, order.Lower);
            if (higher is null || lower is null || higher.Rank >= lower.Rank)
            {
                yield return $"rankedAbove: expected {Name(order.Higher)} above {Name(order.Lower)}, was {RankText(order.Higher, higher)} and {RankText(order.Lower, lower)}";
            }
        }
    }

    private static IEnumerable<string> Contraindications(ScenarioExpectations expect, MassageAdvice advice)
    {
        foreach (var expected in expect.Contraindications ?? [])
        {
            var actual = advice.Contraindications.FirstOrDefault(c => c.Style == expected.Style)?.Level;
            if (actual != expected.Level)
            {
                yield return $"contraindications: {Name(expected.Style)} expected {LevelName(expected.Level)}, was {LevelName(actual)}";
            }
        }
    }

    private static IEnumerable<string> Pressures(ScenarioExpectations expect, MassageAdvice advice)
    {
        foreach (var expected in expect.Pressure ?? [])
        {
            var found = Find(advice, expected.Style);
            if (found is null || found.Pressure != expected.Pressure)
            {
                yield return $"pressure: {Name(expected.Style)} expected {Name(expected.Pressure)}, was {(found is null ? "not in styles" : Name(found.Pressure))}";
            }
        }

        if (expect.MaxPressure is { } max)
        {
            var above = advice.Styles.Where(s => s.Pressure > max).Select(s => $"{Name(s.Style)} is {Name(s.Pressure)}").ToList();
            if (above.Count > 0)
            {
                yield return $"maxPressure: expected no style above {Name(max)}, but {string.Join(", ", above)}";
            }
        }
    }

    private static IEnumerable<string> Focus(ScenarioExpectations expect, MassageAdvice advice)
    {
        foreach (var expected in expect.FocusAreas ?? [])
        {
            var found = Find(advice, expected.Style);
            if (found is null)
            {
                yield return $"focusAreas: {Name(expected.Style)} is not in styles";
                continue;
            }

            var missing = expected.Areas.Where(area => !found.FocusAreas.Contains(area)).ToList();
            if (missing.Count > 0)
            {
                yield return $"focusAreas: {Name(expected.Style)} lacks {string.Join(", ", missing.Select(Name))} (was {List(found.FocusAreas)})";
            }
        }
    }

    private static IEnumerable<string> ReferralAndNotes(ScenarioExpectations expect, MassageAdvice advice)
    {
        if (expect.ChecksReferral && expect.Referral != advice.Referral?.Urgency)
        {
            yield return $"referral: expected {UrgencyName(expect.Referral)}, was {UrgencyName(advice.Referral?.Urgency)}";
        }

        var reasons = advice.Referral?.Reasons.Length ?? 0;
        if (expect.ReferralReasons is { } count && count != reasons)
        {
            var given = reasons == 0 ? string.Empty : $" ({string.Join("; ", advice.Referral!.Reasons)})";
            yield return $"referralReasons: expected {count}, was {reasons}{given}";
        }

        foreach (var text in expect.NotesContain ?? [])
        {
            if (!advice.Notes.Any(note => note.Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"notesContain: no note contains \"{text}\" (notes: {(advice.Notes.IsEmpty ? "none" : string.Join(" | ", advice.Notes))})";
            }
        }
    }

    private static IEnumerable<string> Rules(ScenarioExpectations expect, MassageAdvice advice)
    {
        var fired = advice.Trace.Select(t => t.RuleId).ToHashSet(StringComparer.Ordinal);
        foreach (var id in expect.RulesFired ?? [])
        {
            if (!fired.Contains(id))
            {
                yield return $"rulesFired: {id} did not fire";
            }
        }

        foreach (var id in expect.RulesNotFired ?? [])
        {
            if (fired.Contains(id))
            {
                yield return $"rulesNotFired: {id} fired";
            }
        }
    }

    private static StyleAdvice? Find(MassageAdvice advice, MassageStyle style) =>
        advice.Styles.FirstOrDefault(s => s.Style == style);

    private static string RankText(MassageStyle style, StyleAdvice? found) =>
        found is null ? $"{Name(style)} not in styles" : $"{Name(style)} rank {found.Rank}";

    private static string StyleList(MassageAdvice advice) =>
        advice.Styles.IsEmpty ? "styles is empty" : "styles: " + string.Join(", ", advice.Styles.Select(s => Name(s.Style)));

    private static string List<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum => "[" + string.Join(", ", values.Select(Name)) + "]";

    private static string PhaseName(Planning.PlanPhase? phase) => phase is { } p ? Name(p) : "null (no plan)";

    private static string UrgencyName(ReferralUrgency? urgency) => urgency is { } u ? Name(u) : "none";

    private static string LevelName(ContraindicationLevel? level) => level is { } l ? Name(l) : "none";

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => ContractNames.NameOf(value);
}

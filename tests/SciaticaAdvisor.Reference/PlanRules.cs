using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE G10: the current phase, and a reassessment when the intensive phase has run too long.</summary>
internal static class PlanRules
{
    /// <summary>The intensive phase lasts at most this many weeks (G10's fixed phases).</summary>
    public const int IntensiveMaxWeeks = 6;

    public static void Apply(SymptomProfile profile, AdviceDraft draft)
    {
        draft.Phase = CurrentPhase(profile);
        draft.Fire($"g10-1-{draft.Phase.ToString().ToLowerInvariant()}-phase", $"G10.1 Current phase: {draft.Phase}");

        // G10.2 reads the phase G10.1 computes, whether or not a plan is shown.
        if (draft.Phase == PlanPhase.Intensive && profile.WeeksInTreatment > IntensiveMaxWeeks)
        {
            var rule = draft.Fire("g10-2-no-lasting-relief", "G10.2 No lasting relief after the intensive phase");
            draft.Refer(rule, ReferralUrgency.Routine, "no lasting relief after the intensive phase; have the treatment reassessed");
        }
    }

    /// <summary>G10.1.</summary>
    public static PlanPhase CurrentPhase(SymptomProfile profile)
    {
        if (profile.Flare == FlareState.Acute || profile.PainIntensity >= 4)
        {
            return PlanPhase.Intensive;
        }

        if (profile.Flare == FlareState.Subsiding || profile.PainIntensity >= 2)
        {
            return PlanPhase.Corrective;
        }

        return PlanPhase.Maintenance;
    }
}

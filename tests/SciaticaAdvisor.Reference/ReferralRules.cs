using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE G1 (red flags), G2 (clearance) and G9 (no style left): who to see, and how soon.</summary>
internal static class ReferralRules
{
    public const string DoctorFirstNote = "do not start massage until a doctor has assessed the person";

    /// <summary>G1: one reason per red flag present, naming it (two flags, two reasons).</summary>
    public static void RedFlags(SymptomProfile profile, AdviceDraft draft)
    {
        foreach (var flag in new[] { RedFlag.SaddleAnesthesia, RedFlag.BowelOrBladderDysfunction }.Where(profile.RedFlags.Contains))
        {
            var rule = draft.Fire("g1-1-cauda-equina", "G1.1 Possible cauda equina syndrome: emergency care");
            draft.Refer(rule, ReferralUrgency.Emergency, $"{Words(flag)}: possible cauda equina syndrome: emergency care now");
        }

        if (profile.RedFlags.Contains(RedFlag.ProgressiveWeakness))
        {
            var rule = draft.Fire("g1-2-progressive-weakness", "G1.2 Progressive weakness: a doctor first");
            draft.Refer(rule, ReferralUrgency.Urgent, $"{Words(RedFlag.ProgressiveWeakness)}: progressive nerve damage must be assessed before any massage");
        }

        foreach (var flag in new[] { RedFlag.Fever, RedFlag.UnexplainedWeightLoss, RedFlag.HistoryOfCancer }.Where(profile.RedFlags.Contains))
        {
            var rule = draft.Fire("g1-3-infection-or-malignancy", "G1.3 Signs of infection or malignancy: a doctor first");
            draft.Refer(rule, ReferralUrgency.Urgent, $"{Words(flag)}: infection or malignancy must be ruled out");
        }

        if (profile.RedFlags.Contains(RedFlag.RecentTrauma))
        {
            var rule = draft.Fire("g1-4-recent-trauma", "G1.4 Recent trauma: rule out a fracture first");
            draft.Refer(rule, ReferralUrgency.Urgent, $"{Words(RedFlag.RecentTrauma)}: a fracture must be ruled out");
        }

        if (profile.Conditions.Contains(HealthCondition.SuspectedDvt))
        {
            var rule = draft.Fire("g1-5-suspected-dvt", "G1.5 Suspected deep vein thrombosis: a doctor first");
            draft.Refer(rule, ReferralUrgency.Urgent, "suspected deep vein thrombosis: massage may dislodge a clot");
        }

        if (draft.Referrals.Count > 0)
        {
            draft.Note(DoctorFirstNote);
        }
    }

    /// <summary>G2: without a diagnosis or an approval the advice is provisional and the person is referred, routinely.</summary>
    public static void Clearance(SymptomProfile profile, AdviceDraft draft)
    {
        if (!profile.DiagnosisConfirmed)
        {
            var rule = draft.Fire("g2-1-diagnosis-needed", "G2.1 Have the sciatica diagnosed first");
            draft.Refer(rule, ReferralUrgency.Routine, "have the sciatica diagnosed by a doctor or physical therapist before starting massage");
        }

        if (!profile.ClinicianApproved)
        {
            var rule = draft.Fire("g2-2-approval-needed", "G2.2 Have massage approved first");
            draft.Refer(rule, ReferralUrgency.Routine, "ask the doctor or physical therapist to approve massage");
        }
    }

    /// <summary>G9: every style avoided; massage is not advised. Runs after every contraindication.</summary>
    public static void NoStyleLeft(AdviceDraft draft)
    {
        if (draft.Advised.Count == 0)
        {
            var rule = draft.Fire("g9-no-style-left", "G9 No massage style suits this profile");
            draft.Refer(rule, ReferralUrgency.Routine, "no massage style suits this profile; see a physical therapist");
        }
    }

    private static string Words(RedFlag flag) => flag switch
    {
        RedFlag.SaddleAnesthesia => "saddle anesthesia",
        RedFlag.BowelOrBladderDysfunction => "bowel or bladder dysfunction",
        RedFlag.ProgressiveWeakness => "progressive weakness",
        RedFlag.Fever => "fever",
        RedFlag.UnexplainedWeightLoss => "unexplained weight loss",
        RedFlag.HistoryOfCancer => "history of cancer",
        _ => "recent trauma",
    };
}

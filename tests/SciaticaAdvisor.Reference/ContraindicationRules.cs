using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.ContraindicationLevel;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE G3, G4, G5 and G7: the styles to avoid or use with caution, and the pressure caps.</summary>
internal static class ContraindicationRules
{
    public static void Flare(SymptomProfile profile, AdviceDraft draft)
    {
        if (profile.Flare == FlareState.Acute)
        {
            var rule = draft.Fire("g3-1-acute-flare-gentle-only", "G3.1 Acute flare: gentle, light work only");
            draft.Contraindicate(rule, DeepTissue, Avoid, "no deep or aggressive massage during an acute flare");
            draft.Contraindicate(rule, Shiatsu, Caution, "firm point pressure can aggravate an acute flare");
            draft.CapPressure(rule, Pressure.Light);
        }
        else if (profile.Flare == FlareState.Subsiding)
        {
            var rule = draft.Fire("g3-2-subsiding-flare-moderate", "G3.2 Subsiding flare: moderate pressure at most");
            draft.Contraindicate(rule, DeepTissue, Caution, "deep pressure can rekindle a subsiding flare");
            draft.CapPressure(rule, Pressure.Moderate);
        }
    }

    public static void Cause(SymptomProfile profile, AdviceDraft draft)
    {
        switch (profile.Cause)
        {
            case SciaticaCause.HerniatedDisc:
                var disc = draft.Fire("g4-2-herniated-disc-gentle", "G4.2 Herniated disc: gentle therapeutic pressure");
                draft.Contraindicate(disc, DeepTissue, Caution, "no deep pressure near a herniated disc");
                draft.CapPressure(disc, Pressure.Moderate);
                break;
            case SciaticaCause.Spondylolisthesis:
                var slip = draft.Fire("g4-4-spondylolisthesis-no-lumbar-pressure", "G4.4 Spondylolisthesis: no deep pressure over the lumbar spine");
                draft.Contraindicate(slip, DeepTissue, Caution, "no deep pressure over the lumbar spine");
                break;
            case SciaticaCause.Unknown:
                var unknown = draft.Fire("g4-5-unknown-cause-careful", "G4.5 Unknown cause: deep work waits for a muscular cause");
                draft.Contraindicate(unknown, DeepTissue, Caution, "deep work only once a muscular cause is confirmed");
                break;
            default:
                break;
        }
    }

    public static void Sensitivity(SymptomProfile profile, AdviceDraft draft)
    {
        if (profile.PainSensitivity == PainSensitivity.High)
        {
            var rule = draft.Fire("g5-1-high-sensitivity-light", "G5.1 High sensitivity: light pressure only");
            draft.Contraindicate(rule, DeepTissue, Avoid, "deep pressure is too painful at high sensitivity");
            draft.CapPressure(rule, Pressure.Light);
        }
        else if (profile.PainSensitivity == PainSensitivity.Moderate)
        {
            var rule = draft.Fire("g5-2-moderate-sensitivity", "G5.2 Moderate sensitivity: moderate pressure at most");
            draft.CapPressure(rule, Pressure.Moderate);
        }
    }

    public static void Conditions(SymptomProfile profile, AdviceDraft draft)
    {
        var conditions = profile.Conditions;
        if (conditions.Contains(HealthCondition.Anticoagulants))
        {
            var rule = draft.Fire("g7-1-anticoagulants", "G7.1 Anticoagulants: no deep work");
            draft.Contraindicate(rule, DeepTissue, Avoid, "blood thinners: deep pressure risks bleeding and bruising");
            draft.Contraindicate(rule, Shiatsu, Caution, "blood thinners: point pressure can bruise");
            draft.CapPressure(rule, Pressure.Moderate);
        }

        if (conditions.Contains(HealthCondition.Osteoporosis))
        {
            var rule = draft.Fire("g7-2-osteoporosis", "G7.2 Osteoporosis: light pressure only");
            draft.Contraindicate(rule, DeepTissue, Avoid, "osteoporosis: deep pressure can fracture weakened bones");
            draft.Contraindicate(rule, Shiatsu, Caution, "osteoporosis: point pressure on weakened bones");
            draft.CapPressure(rule, Pressure.Light);
        }

        if (conditions.Contains(HealthCondition.Pregnancy))
        {
            var rule = draft.Fire("g7-3-pregnancy", "G7.3 Pregnancy: no deep work, moderate pressure at most");
            draft.Contraindicate(rule, DeepTissue, Avoid, "pregnancy: deep pressure raises the risk of clots in the legs");
            draft.Contraindicate(rule, Shiatsu, Caution, "pregnancy: some pressure points are traditionally avoided");
            draft.Contraindicate(rule, Reflexology, Caution, "pregnancy: some pressure points are traditionally avoided");
            draft.CapPressure(rule, Pressure.Moderate);
        }

        if (conditions.Contains(HealthCondition.RecentSpinalSurgery))
        {
            var rule = draft.Fire("g7-4-recent-spinal-surgery", "G7.4 Recent spinal surgery: no deep work");
            draft.Contraindicate(rule, DeepTissue, Avoid, "recent spinal surgery: no deep work near the operated spine");
            draft.Contraindicate(rule, Shiatsu, Caution, "recent spinal surgery: point pressure near the operated spine");
        }
    }

    /// <summary>G7.6: a style the person does not want is avoided.</summary>
    public static void Wishes(SymptomProfile profile, AdviceDraft draft)
    {
        foreach (var style in Enum.GetValues<MassageStyle>().Where(profile.AvoidStyles.Contains))
        {
            var rule = draft.Fire("g7-6-not-wanted", "G7.6 Styles the person does not want");
            draft.Contraindicate(rule, style, Avoid, "not wanted");
        }
    }
}

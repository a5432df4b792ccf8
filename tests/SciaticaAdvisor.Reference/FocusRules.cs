using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.FocusArea;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE G4.1 and G6.2-G6.4: where deep tissue and shiatsu concentrate. G8's defaults apply at assembly.</summary>
/// <remarks>
/// Focus is given whether or not the style ends up advised; it shows only on advised styles, which
/// is what G6.2's "where they are recommended" asks.
/// </remarks>
internal static class FocusRules
{
    public static void Apply(SymptomProfile profile, AdviceDraft draft)
    {
        if (profile.Cause == SciaticaCause.PiriformisSyndrome)
        {
            var rule = draft.Fire("g4-1-piriformis-focus", "G4.1 Piriformis syndrome: work the piriformis and gluteals");
            draft.Focus(rule, DeepTissue, Piriformis, Gluteals);
        }

        if (profile.Symptoms.Contains(Symptom.RadiatingLegPain))
        {
            var rule = draft.Fire("g6-2-radiating-pain-focus", "G6.2 Radiating leg pain: work the hamstrings and calves");
            draft.Focus(rule, DeepTissue, Hamstrings, Calves);
            draft.Focus(rule, Shiatsu, Hamstrings, Calves);
        }

        if (profile.Symptoms.Contains(Symptom.ButtockPain) || profile.Symptoms.Contains(Symptom.WorseWhenSitting))
        {
            var rule = draft.Fire("g6-3-buttock-pain-focus", "G6.3 Buttock pain or worse when sitting: work the piriformis and gluteals");
            draft.Focus(rule, DeepTissue, Piriformis, Gluteals);
            draft.Focus(rule, Shiatsu, Piriformis, Gluteals);
        }

        // G6.4 defers to G4.4 (no deep pressure over the lumbar spine with spondylolisthesis) and to
        // G7.4 (no pressure over the incision after recent spinal surgery).
        if (profile.Symptoms.Contains(Symptom.LowerBackPain)
            && profile.Cause != SciaticaCause.Spondylolisthesis
            && !profile.Conditions.Contains(HealthCondition.RecentSpinalSurgery))
        {
            var rule = draft.Fire("g6-4-lower-back-pain-focus", "G6.4 Lower back pain: work the lower back and hip flexors");
            draft.Focus(rule, DeepTissue, LowerBack, HipFlexors);
            draft.Focus(rule, Shiatsu, LowerBack, HipFlexors);
        }
    }
}

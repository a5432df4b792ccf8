using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE's notes and adjuncts: G3.1 heat and ice, G4.3/G4.4 positioning, G6.5 leg weakness, G7.3-G7.5.</summary>
internal static class NoteRules
{
    public const string PositioningNote =
        "avoid arching the lower back: side-lying, or a pillow under the abdomen when lying face down";

    public const string LegWeaknessNote = "tell the clinician about the leg weakness; stop and see a doctor if it gets worse";

    public const string PregnancyNote = "position side-lying and see a therapist trained in prenatal massage";

    public const string SurgeryNote = "only with the surgeon's clearance; no pressure over the incision";

    public const string SkinNote = "skip the affected skin area";

    public static void Apply(SymptomProfile profile, AdviceDraft draft)
    {
        if (profile.Flare == FlareState.Acute)
        {
            var rule = draft.Fire("g3-1-acute-flare-heat-ice", "G3.1 Acute flare: ice, then heat");
            draft.Adjunct(rule, AdjunctTherapy.HeatIce, "ice for the first 48 hours of a flare, then heat");
        }

        if (profile.Cause is SciaticaCause.SpinalStenosis or SciaticaCause.Spondylolisthesis)
        {
            draft.Fire("g4-3-positioning", "G4.3/G4.4 Positioning: do not arch the lower back");
            draft.Note(PositioningNote);
        }

        if (profile.Symptoms.Contains(Symptom.LegWeakness) && !profile.RedFlags.Contains(RedFlag.ProgressiveWeakness))
        {
            draft.Fire("g6-5-leg-weakness-note", "G6.5 Leg weakness: tell the clinician");
            draft.Note(LegWeaknessNote);
        }

        if (profile.Conditions.Contains(HealthCondition.Pregnancy))
        {
            draft.Fire("g7-3-pregnancy-note", "G7.3 Pregnancy: side-lying, prenatal therapist");
            draft.Note(PregnancyNote);
        }

        if (profile.Conditions.Contains(HealthCondition.RecentSpinalSurgery))
        {
            draft.Fire("g7-4-surgery-note", "G7.4 Recent spinal surgery: surgeon's clearance");
            draft.Note(SurgeryNote);
        }

        if (profile.Conditions.Contains(HealthCondition.SkinLesionInArea))
        {
            draft.Fire("g7-5-skin-lesion-note", "G7.5 Skin lesion: skip the area");
            draft.Note(SkinNote);
        }
    }
}

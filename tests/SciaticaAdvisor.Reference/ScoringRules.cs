using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Reference;

/// <summary>GUIDANCE's "X up" items and its placements. Runs after every contraindication, which G4.1 reads.</summary>
internal static class ScoringRules
{
    /// <summary>Every style is a candidate at <see cref="Weights.Base"/>; contraindications decide which are advised.</summary>
    public static void Candidates(AdviceDraft draft)
    {
        var rule = draft.Fire("base-candidates", "Every style not avoided is a candidate");
        foreach (var style in draft.Styles.Keys)
        {
            draft.Recommend(rule, style, Weights.Base, Weights.BaseRationale(style));
        }
    }

    public static void Ups(SymptomProfile profile, AdviceDraft draft)
    {
        if (profile.Cause == SciaticaCause.PiriformisSyndrome)
        {
            var rule = draft.Fire("g4-1-piriformis-deep-tissue-up", "G4.1 Piriformis syndrome: deep tissue is the gold standard");
            draft.Recommend(rule, DeepTissue, Weights.Up, "Deep tissue is the gold standard for a muscular cause such as piriformis syndrome.");
        }

        if (profile.PainSensitivity == PainSensitivity.High)
        {
            var rule = draft.Fire("g5-1-high-sensitivity-lomi-lomi-up", "G5.1 High sensitivity: lomi lomi up");
            draft.Recommend(rule, LomiLomi, Weights.Up, "Its gentle, flowing strokes suit high sensitivity to pressure.");
        }

        if (profile.Symptoms.Contains(Symptom.Tingling) || profile.Symptoms.Contains(Symptom.Numbness))
        {
            var rule = draft.Fire("g6-1-tingling-reflexology-up", "G6.1 Tingling or numbness: reflexology up");
            draft.Recommend(rule, Reflexology, Weights.Up, "It eases burning and tingling.");
        }

        if (profile.Symptoms.Contains(Symptom.RadiatingLegPain))
        {
            var rule = draft.Fire("g6-2-radiating-pain-shiatsu-up", "G6.2 Radiating leg pain: shiatsu up");
            draft.Recommend(rule, Shiatsu, Weights.Up, "It works along the path of pain that radiates down the leg.");
        }

        if (IsChronic(profile))
        {
            var rule = draft.Fire("g6-6-chronic-pain-up", "G6.6 Chronic pain: lomi lomi and relaxation up");
            draft.Recommend(rule, LomiLomi, Weights.Up, "It eases chronic pain and stress.");
            draft.Recommend(rule, Relaxation, Weights.Up, "It eases chronic pain and stress.");
        }
    }

    public static void Placements(SymptomProfile profile, AdviceDraft draft)
    {
        var acute = profile.Flare == FlareState.Acute;
        if (acute)
        {
            var rule = draft.Fire("g3-1-acute-flare-gentle-first", "G3.1 Acute flare: relaxation or reflexology first");
            draft.Place(rule, new RankFirst(Relaxation, Reflexology));
        }

        if (profile.Cause == SciaticaCause.PiriformisSyndrome
            && profile.Flare == FlareState.None
            && profile.PainSensitivity != PainSensitivity.High
            && !draft.IsContraindicated(DeepTissue))
        {
            var rule = draft.Fire("g4-1-piriformis-deep-tissue-first", "G4.1 Piriformis syndrome, nothing limiting: deep tissue first");
            draft.Place(rule, new RankFirst(DeepTissue));
        }

        if (profile.Cause == SciaticaCause.HerniatedDisc)
        {
            var rule = draft.Fire("g4-2-herniated-disc-shiatsu-above-deep-tissue", "G4.2 Herniated disc: shiatsu above deep tissue");
            draft.Place(rule, new RankAbove(Shiatsu, DeepTissue));
        }

        if (profile.PainSensitivity == PainSensitivity.High && !acute)
        {
            var rule = draft.Fire("g5-1-high-sensitivity-lomi-lomi-first", "G5.1 High sensitivity: lomi lomi first");
            draft.Place(rule, new RankFirst(LomiLomi));
        }

        if (profile.Symptoms.Contains(Symptom.Tingling) || profile.Symptoms.Contains(Symptom.Numbness))
        {
            var rule = draft.Fire("g6-1-tingling-reflexology-top-three", "G6.1 Tingling or numbness: reflexology in the top three");
            draft.Place(rule, new RankInTop(Reflexology, 3));
        }

        if (IsChronic(profile) && !acute)
        {
            var rule = draft.Fire("g6-6-chronic-pain-lomi-lomi-top-two", "G6.6 Chronic pain: lomi lomi in the top two");
            draft.Place(rule, new RankInTop(LomiLomi, 2));
        }
    }

    /// <summary>G6.6: 12 weeks or more; a duration not given is not chronic.</summary>
    private static bool IsChronic(SymptomProfile profile) => profile.SymptomWeeks >= 12;
}

using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>GUIDANCE's placements read straight off the text and checked on an advice's order, independently of how the advisor builds it.</summary>
internal static class GuidancePlacements
{
    public static IEnumerable<string> Violations(SymptomProfile profile, MassageAdvice advice)
    {
        var order = advice.Styles.Select(s => s.Style).ToList();
        if (order.Count == 0)
        {
            yield break;
        }

        var acute = profile.Flare == FlareState.Acute;
        var deepTissueFree = !advice.Contraindications.Any(c => c.Style == DeepTissue);

        if (acute && (order.Contains(Relaxation) || order.Contains(Reflexology)) && order[0] is not (Relaxation or Reflexology))
        {
            yield return $"G3.1: {order[0]} first in an acute flare";
        }

        if (profile is { Cause: SciaticaCause.PiriformisSyndrome, Flare: FlareState.None, PainSensitivity: not PainSensitivity.High }
            && deepTissueFree && order[0] != DeepTissue)
        {
            yield return $"G4.1: {order[0]} first, not deepTissue";
        }

        if (profile.Cause == SciaticaCause.HerniatedDisc && order.Contains(Shiatsu) && order.Contains(DeepTissue)
            && order.IndexOf(Shiatsu) > order.IndexOf(DeepTissue))
        {
            yield return "G4.2: deepTissue above shiatsu";
        }

        if (profile.PainSensitivity == PainSensitivity.High && !acute && order.Contains(LomiLomi) && order[0] != LomiLomi)
        {
            yield return $"G5.1: {order[0]} first, not lomiLomi";
        }

        if ((profile.Symptoms.Contains(Symptom.Tingling) || profile.Symptoms.Contains(Symptom.Numbness))
            && order.Contains(Reflexology) && order.IndexOf(Reflexology) > 2)
        {
            yield return $"G6.1: reflexology ranks {order.IndexOf(Reflexology) + 1}";
        }

        if (profile.SymptomWeeks >= 12 && !acute && order.Contains(LomiLomi) && order.IndexOf(LomiLomi) > 1)
        {
            yield return $"G6.6: lomiLomi ranks {order.IndexOf(LomiLomi) + 1}";
        }
    }
}

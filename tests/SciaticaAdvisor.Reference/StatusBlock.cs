using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Reference.InputClasses;

namespace SciaticaAdvisor.Reference;

/// <summary>The status block of <see cref="InputClasses"/>: everything that decides urgency, status and phase, crossed.</summary>
internal static class StatusBlock
{
    private const int Salt = 3;

    /// <summary>Every value: the block is small, so both sides of each threshold are in it.</summary>
    private static readonly int[] Intensities = [.. Enumerable.Range(ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity + 1)];

    /// <summary>G10.2 refers above 6 weeks: both sides of the edge.</summary>
    private static readonly int[] TreatmentWeeks = [0, 6, 7];

    private static readonly bool[] Booleans = [false, true];

    /// <summary>A style left, or none: every style unwanted.</summary>
    private static readonly int[] Avoided = [0, ProfileSets.Mask(Enum.GetValues<MassageStyle>())];

    private static readonly int[] Safety = ProfileSets.Subsets(
        HealthCondition.Anticoagulants, HealthCondition.Osteoporosis, HealthCondition.Pregnancy,
        HealthCondition.RecentSpinalSurgery, HealthCondition.SkinLesionInArea);

    private static readonly int[] AnySymptoms = [.. Enumerable.Range(0, 1 << Enum.GetValues<Symptom>().Length)];

    private static readonly int Dvt = ProfileSets.Bit(HealthCondition.SuspectedDvt);

    public static long Count =>
        (long)Flares.Length * Intensities.Length * TreatmentWeeks.Length * Booleans.Length * Booleans.Length
        * RedPatterns.Length * Avoided.Length;

    public static IEnumerable<SymptomProfile> Block()
    {
        long index = 0;
        foreach (var flare in Flares)
        foreach (var intensity in Intensities)
        foreach (var treatmentWeeks in TreatmentWeeks)
        foreach (var diagnosed in Booleans)
        foreach (var approved in Booleans)
        foreach (var (redFlags, dvt) in RedPatterns)
        foreach (var avoided in Avoided)
        {
            var spread = new Spread(Salt, index++);
            yield return new SymptomProfile
            {
                Flare = flare,
                PainIntensity = intensity,
                WeeksInTreatment = treatmentWeeks,
                DiagnosisConfirmed = diagnosed,
                ClinicianApproved = approved,
                RedFlags = ProfileSets.RedFlags(redFlags),
                Conditions = ProfileSets.Conditions(spread.Pick(Safety) | (dvt ? Dvt : 0)),
                AvoidStyles = ProfileSets.Styles(avoided),
                Cause = spread.Pick(Causes),
                PainSensitivity = spread.Pick(Sensitivities),
                SymptomWeeks = spread.Pick(SymptomWeeks),
                Symptoms = ProfileSets.Symptoms(spread.Pick(AnySymptoms)),
            };
        }
    }
}

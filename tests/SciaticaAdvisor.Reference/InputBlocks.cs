using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Reference.InputClasses;

namespace SciaticaAdvisor.Reference;

/// <summary>The styles and referral blocks of <see cref="InputClasses"/>, with the condition and avoidStyles subsets they cross.</summary>
/// <param name="Safety">Subsets of {anticoagulants, osteoporosis, pregnancy, recentSpinalSurgery} for the styles block.</param>
/// <param name="StylesAvoided">avoidStyles subsets for the styles block.</param>
/// <param name="ReferralSafety">Condition subsets for the referral block.</param>
/// <param name="ReferralAvoided">avoidStyles subsets for the referral block.</param>
internal sealed record InputBlocks(int[] Safety, int[] StylesAvoided, int[] ReferralSafety, int[] ReferralAvoided)
{
    private const int StylesSalt = 1;
    private const int ReferralSalt = 2;

    private static readonly int Skin = ProfileSets.Bit(HealthCondition.SkinLesionInArea);
    private static readonly int Dvt = ProfileSets.Bit(HealthCondition.SuspectedDvt);

    private static readonly (int RedFlags, bool Dvt)[] Referring = [.. RedPatterns.Where(p => p.RedFlags != 0 || p.Dvt)];

    private static readonly int[] AnySymptoms = [.. Enumerable.Range(0, 1 << Enum.GetValues<Symptom>().Length)];

    public long StylesCount =>
        (long)Causes.Length * Flares.Length * Sensitivities.Length * SymptomWeeks.Length
        * StyleSymptoms.Length * Safety.Length * StylesAvoided.Length;

    public long ReferralCount =>
        (long)Referring.Length * Causes.Length * Flares.Length * Sensitivities.Length * ReferralSafety.Length * ReferralAvoided.Length;

    /// <summary>No red flag, no suspectedDvt: everything that decides the styles and contraindications, crossed.</summary>
    public IEnumerable<SymptomProfile> StylesBlock()
    {
        long index = 0;
        foreach (var cause in Causes)
        foreach (var flare in Flares)
        foreach (var sensitivity in Sensitivities)
        foreach (var weeks in SymptomWeeks)
        foreach (var symptoms in StyleSymptoms)
        foreach (var safety in Safety)
        foreach (var avoided in StylesAvoided)
        {
            var spread = new Spread(StylesSalt, index++);
            yield return new SymptomProfile
            {
                Cause = cause,
                Flare = flare,
                PainSensitivity = sensitivity,
                SymptomWeeks = weeks,
                Symptoms = ProfileSets.Symptoms(symptoms | spread.Pick(OtherSymptoms)),
                Conditions = ProfileSets.Conditions(safety | (spread.Coin() ? Skin : 0)),
                AvoidStyles = ProfileSets.Styles(avoided),
                PainIntensity = spread.Pick(PainIntensities),
                WeeksInTreatment = spread.Pick(WeeksInTreatment),
                DiagnosisConfirmed = spread.Coin(),
                ClinicianApproved = spread.Coin(),
            };
        }
    }

    /// <summary>A red flag or suspectedDvt: each referring pattern crossed with everything that decides the contraindications.</summary>
    public IEnumerable<SymptomProfile> ReferralBlock()
    {
        long index = 0;
        foreach (var (redFlags, dvt) in Referring)
        foreach (var cause in Causes)
        foreach (var flare in Flares)
        foreach (var sensitivity in Sensitivities)
        foreach (var safety in ReferralSafety)
        foreach (var avoided in ReferralAvoided)
        {
            var spread = new Spread(ReferralSalt, index++);
            yield return new SymptomProfile
            {
                Cause = cause,
                Flare = flare,
                PainSensitivity = sensitivity,
                RedFlags = ProfileSets.RedFlags(redFlags),
                Conditions = ProfileSets.Conditions(safety | (dvt ? Dvt : 0) | (spread.Coin() ? Skin : 0)),
                AvoidStyles = ProfileSets.Styles(avoided),
                SymptomWeeks = spread.Pick(SymptomWeeks),
                Symptoms = ProfileSets.Symptoms(spread.Pick(AnySymptoms)),
                PainIntensity = spread.Pick(PainIntensities),
                WeeksInTreatment = spread.Pick(WeeksInTreatment),
                DiagnosisConfirmed = spread.Coin(),
                ClinicianApproved = spread.Coin(),
            };
        }
    }
}

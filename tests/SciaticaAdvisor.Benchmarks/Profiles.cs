using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>The fixed mix every advise benchmark runs: no flare, acute flare, a red-flag referral and a clearance case.</summary>
public static class Profiles
{
    public static SymptomProfile[] Mix { get; } =
    [
        new() { Cause = SciaticaCause.PiriformisSyndrome, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 6, SymptomWeeks = 5, Symptoms = [Symptom.ButtockPain, Symptom.RadiatingLegPain, Symptom.WorseWhenSitting], DiagnosisConfirmed = true, ClinicianApproved = true },
        new() { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.Acute, PainSensitivity = PainSensitivity.Moderate, PainIntensity = 8, Symptoms = [Symptom.LowerBackPain, Symptom.Tingling], DiagnosisConfirmed = true, ClinicianApproved = true },
        new() { Cause = SciaticaCause.Unknown, Flare = FlareState.None, PainSensitivity = PainSensitivity.Moderate, PainIntensity = 5, RedFlags = [RedFlag.SaddleAnesthesia], Symptoms = [Symptom.Numbness] },
        new() { Cause = SciaticaCause.SpinalStenosis, Flare = FlareState.Subsiding, PainSensitivity = PainSensitivity.High, PainIntensity = 3, SymptomWeeks = 20, Conditions = [HealthCondition.Pregnancy], AvoidStyles = [MassageStyle.Shiatsu] },
    ];
}

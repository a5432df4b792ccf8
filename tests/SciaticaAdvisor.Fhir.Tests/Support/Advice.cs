using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Support;

/// <summary>Real advice from the default rule set, compiled once per test run.</summary>
internal static class Advice
{
    private static readonly Lazy<Advisor> Default = new(Advisor.CreateDefault);

    public static SymptomProfile Recommended { get; } = new()
    {
        Cause = SciaticaCause.PiriformisSyndrome,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Low,
        PainIntensity = 6,
        SymptomWeeks = 5,
        Symptoms = [Symptom.ButtockPain, Symptom.RadiatingLegPain, Symptom.WorseWhenSitting],
        DiagnosisConfirmed = true,
        ClinicianApproved = true,
    };

    public static SymptomProfile NeedsClearance { get; } = Recommended with { ClinicianApproved = false };

    public static SymptomProfile Emergency { get; } = Recommended with { RedFlags = [RedFlag.SaddleAnesthesia] };

    public static SymptomProfile Urgent { get; } = Recommended with { RedFlags = [RedFlag.Fever] };

    public static MassageAdvice For(SymptomProfile profile) => Default.Value.Advise(profile);
}

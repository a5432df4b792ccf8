using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>What the JSON walker could read of a profile, before the validator judges it.</summary>
internal sealed class ProfileDraft
{
    public SciaticaCause? Cause;
    public FlareState? Flare;
    public PainSensitivity? PainSensitivity;
    public int? PainIntensity;
    public int? SymptomWeeks;
    public ImmutableHashSet<Symptom>? Symptoms;
    public ImmutableHashSet<RedFlag>? RedFlags;
    public ImmutableHashSet<HealthCondition>? Conditions;
    public bool? DiagnosisConfirmed;
    public bool? ClinicianApproved;
    public int? WeeksInTreatment;
    public ImmutableHashSet<MassageStyle>? AvoidStyles;

    /// <summary>Properties the walker has already reported, so the validator does not report them twice.</summary>
    public readonly HashSet<string> Reported = new(StringComparer.Ordinal);

    public SymptomProfile ToProfile() => new()
    {
        Cause = Cause.GetValueOrDefault(),
        Flare = Flare.GetValueOrDefault(),
        PainSensitivity = PainSensitivity.GetValueOrDefault(),
        PainIntensity = PainIntensity.GetValueOrDefault(),
        SymptomWeeks = SymptomWeeks,
        Symptoms = Symptoms ?? [],
        RedFlags = RedFlags ?? [],
        Conditions = Conditions ?? [],
        DiagnosisConfirmed = DiagnosisConfirmed.GetValueOrDefault(),
        ClinicianApproved = ClinicianApproved.GetValueOrDefault(),
        WeeksInTreatment = WeeksInTreatment.GetValueOrDefault(),
        AvoidStyles = AvoidStyles ?? [],
    };
}

using System.Collections.Immutable;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Profiles;

/// <summary>The fields of a <see cref="SymptomProfile"/>, in the contract's order.</summary>
public static class ProfileFields
{
    /// <summary>Every field, in the order of the contract's table.</summary>
    public static ImmutableArray<ProfileField> All { get; } =
    [
        new("cause", ProfileFieldKind.Choice, typeof(SciaticaCause), null, null, true, null, p => p.Cause),
        new("flare", ProfileFieldKind.Choice, typeof(FlareState), null, null, true, null, p => p.Flare),
        new("painSensitivity", ProfileFieldKind.Choice, typeof(PainSensitivity), null, null, true, null, p => p.PainSensitivity),
        new("painIntensity", ProfileFieldKind.Number, null, ProfileLimits.MinPainIntensity, ProfileLimits.MaxPainIntensity, true, null, p => p.PainIntensity),
        new("symptomWeeks", ProfileFieldKind.Number, null, ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, false, null, p => p.SymptomWeeks),
        new("symptoms", ProfileFieldKind.Set, typeof(Symptom), null, null, false, null, p => p.Symptoms),
        new("redFlags", ProfileFieldKind.Set, typeof(RedFlag), null, null, false, null, p => p.RedFlags),
        new("conditions", ProfileFieldKind.Set, typeof(HealthCondition), null, null, false, null, p => p.Conditions),
        new("diagnosisConfirmed", ProfileFieldKind.Boolean, null, null, null, false, false, p => p.DiagnosisConfirmed),
        new("clinicianApproved", ProfileFieldKind.Boolean, null, null, null, false, false, p => p.ClinicianApproved),
        new("weeksInTreatment", ProfileFieldKind.Number, null, ProfileLimits.MinWeeks, ProfileLimits.MaxWeeks, false, 0, p => p.WeeksInTreatment),
        new("avoidStyles", ProfileFieldKind.Set, typeof(MassageStyle), null, null, false, null, p => p.AvoidStyles),
    ];

    /// <summary>The field with this contract name, or <see langword="null"/> when there is none.</summary>
    public static ProfileField? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}

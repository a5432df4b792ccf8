
namespace SciaticaAdvisor.Rules.Language;

/// <summary>The profile fields a condition may test, each with how to read it from the fact. A closed list: rules cannot reach anything else.</summary>
internal enum FieldKind
{
    Enum,
    Integer,
    Boolean,
    Set,
}

internal sealed record FactField(string Name, FieldKind Kind, Type? EnumType, Func<ProfileFact, int?> Read)
{
    public static IReadOnlyList<FactField> All { get; } =
    [
        new("cause", FieldKind.Enum, typeof(Profiles.SciaticaCause), p => p.Cause),
        new("flare", FieldKind.Enum, typeof(Profiles.FlareState), p => p.Flare),
        new("painSensitivity", FieldKind.Enum, typeof(Profiles.PainSensitivity), p => p.PainSensitivity),
        new("painIntensity", FieldKind.Integer, null, p => p.PainIntensity),
        new("symptomWeeks", FieldKind.Integer, null, p => p.SymptomWeeks),
        new("symptoms", FieldKind.Set, typeof(Profiles.Symptom), p => p.Symptoms),
        new("redFlags", FieldKind.Set, typeof(Profiles.RedFlag), p => p.RedFlags),
        new("conditions", FieldKind.Set, typeof(Profiles.HealthCondition), p => p.Conditions),
        new("diagnosisConfirmed", FieldKind.Boolean, null, p => p.DiagnosisConfirmed ? 1 : 0),
        new("clinicianApproved", FieldKind.Boolean, null, p => p.ClinicianApproved ? 1 : 0),
        new("weeksInTreatment", FieldKind.Integer, null, p => p.WeeksInTreatment),
        new("avoidStyles", FieldKind.Set, typeof(Advice.MassageStyle), p => p.AvoidStyles),
    ];

    public static FactField? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}

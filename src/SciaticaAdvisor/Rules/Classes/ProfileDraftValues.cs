using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Rules.Classes;

/// <summary>A profile under construction while the space is enumerated; fields no condition tests keep a plain default.</summary>
internal sealed class ProfileDraftValues
{
    public SciaticaCause Cause { get; set; } = SciaticaCause.PiriformisSyndrome;

    public FlareState Flare { get; set; }

    public PainSensitivity PainSensitivity { get; set; }

    public int PainIntensity { get; set; }

    public int? SymptomWeeks { get; set; }

    public int Symptoms { get; set; }

    public int RedFlags { get; set; }

    public int Conditions { get; set; }

    public bool DiagnosisConfirmed { get; set; } = true;

    public bool ClinicianApproved { get; set; } = true;

    public int WeeksInTreatment { get; set; }

    public int AvoidStyles { get; set; }

    public void Set(string field, int? value)
    {
        switch (field)
        {
            case "cause": Cause = (SciaticaCause)value!.Value; break;
            case "flare": Flare = (FlareState)value!.Value; break;
            case "painSensitivity": PainSensitivity = (PainSensitivity)value!.Value; break;
            case "painIntensity": PainIntensity = value!.Value; break;
            case "symptomWeeks": SymptomWeeks = value; break;
            case "symptoms": Symptoms = value!.Value; break;
            case "redFlags": RedFlags = value!.Value; break;
            case "conditions": Conditions = value!.Value; break;
            case "diagnosisConfirmed": DiagnosisConfirmed = value == 1; break;
            case "clinicianApproved": ClinicianApproved = value == 1; break;
            case "weeksInTreatment": WeeksInTreatment = value!.Value; break;
            case "avoidStyles": AvoidStyles = value!.Value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a profile field");
        }
    }

    public SymptomProfile ToProfile() => new()
    {
        Cause = Cause,
        Flare = Flare,
        PainSensitivity = PainSensitivity,
        PainIntensity = PainIntensity,
        SymptomWeeks = SymptomWeeks,
        Symptoms = Members<Symptom>(Symptoms),
        RedFlags = Members<RedFlag>(RedFlags),
        Conditions = Members<HealthCondition>(Conditions),
        DiagnosisConfirmed = DiagnosisConfirmed,
        ClinicianApproved = ClinicianApproved,
        WeeksInTreatment = WeeksInTreatment,
        AvoidStyles = Members<MassageStyle>(AvoidStyles),
    };

    private static System.Collections.Immutable.ImmutableHashSet<T> Members<T>(int mask)
        where T : struct, Enum =>
        [.. Serialization.EnumNames<T>.Values.Where(v => (mask & EnumSet.Bit(v)) != 0)];
}

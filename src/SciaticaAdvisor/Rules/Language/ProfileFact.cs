using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>The profile as the rules see it: enums as numbers, sets as bit masks, so every test is one comparison.</summary>
internal sealed class ProfileFact
{
    public ProfileFact(SymptomProfile profile)
    {
        Cause = (int)profile.Cause;
        Flare = (int)profile.Flare;
        PainSensitivity = (int)profile.PainSensitivity;
        PainIntensity = profile.PainIntensity;
        SymptomWeeks = profile.SymptomWeeks;
        Symptoms = EnumSet.Mask(profile.Symptoms);
        RedFlags = EnumSet.Mask(profile.RedFlags);
        Conditions = EnumSet.Mask(profile.Conditions);
        DiagnosisConfirmed = profile.DiagnosisConfirmed;
        ClinicianApproved = profile.ClinicianApproved;
        WeeksInTreatment = profile.WeeksInTreatment;
        AvoidStyles = EnumSet.Mask(profile.AvoidStyles);
    }

    public int Cause { get; }

    public int Flare { get; }

    public int PainSensitivity { get; }

    public int PainIntensity { get; }

    public int? SymptomWeeks { get; }

    public int Symptoms { get; }

    public int RedFlags { get; }

    public int Conditions { get; }

    public bool DiagnosisConfirmed { get; }

    public bool ClinicianApproved { get; }

    public int WeeksInTreatment { get; }

    public int AvoidStyles { get; }
}

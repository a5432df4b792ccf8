namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>
/// The profile as Microsoft RulesEngine sees it: plain properties its expression language can read,
/// packed as the library's own rule fact packs them (<c>ProfileValues</c>): enums as ints, sets as bit
/// masks (bit <c>n</c> is the enum value <c>n</c>), so a set test is one mask test on both sides.
/// </summary>
public sealed class RuleInput
{
    public int Cause { get; set; }

    public int Flare { get; set; }

    public int PainSensitivity { get; set; }

    public int PainIntensity { get; set; }

    public bool HasSymptomWeeks { get; set; }

    public int SymptomWeeks { get; set; }

    public int Symptoms { get; set; }

    public int RedFlags { get; set; }

    public int Conditions { get; set; }

    public bool DiagnosisConfirmed { get; set; }

    public bool ClinicianApproved { get; set; }

    public int WeeksInTreatment { get; set; }

    public int AvoidStyles { get; set; }

    /// <summary>Facts derived by rules fired so far.</summary>
    public List<string> Facts { get; set; } = [];

    /// <summary>Styles avoided by rules fired so far, as a mask.</summary>
    public int Avoided { get; set; }
}

namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>The profile as Microsoft RulesEngine sees it: plain properties its expression language can read, sets as lists.</summary>
public sealed class RuleInput
{
    public int Cause { get; set; }

    public int Flare { get; set; }

    public int PainSensitivity { get; set; }

    public int PainIntensity { get; set; }

    public bool HasSymptomWeeks { get; set; }

    public int SymptomWeeks { get; set; }

    public List<int> Symptoms { get; set; } = [];

    public List<int> RedFlags { get; set; } = [];

    public List<int> Conditions { get; set; } = [];

    public bool DiagnosisConfirmed { get; set; }

    public bool ClinicianApproved { get; set; }

    public int WeeksInTreatment { get; set; }

    public List<int> AvoidStyles { get; set; } = [];

    /// <summary>Facts derived by rules fired in earlier passes.</summary>
    public List<string> Facts { get; set; } = [];

    /// <summary>Styles avoided by rules fired in earlier passes.</summary>
    public List<int> Avoided { get; set; } = [];
}

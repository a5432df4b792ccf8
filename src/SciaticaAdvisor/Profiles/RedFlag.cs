using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>A warning sign that needs a doctor, not a massage.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "'Red flag' is the clinical term.")]
[JsonConverter(typeof(CamelCaseEnumConverter<RedFlag>))]
public enum RedFlag
{
    /// <summary>Numbness in the saddle area (groin, buttocks, inner thighs).</summary>
    SaddleAnesthesia,

    /// <summary>New trouble controlling the bowel or bladder.</summary>
    BowelOrBladderDysfunction,

    /// <summary>Leg weakness that is getting worse.</summary>
    ProgressiveWeakness,

    /// <summary>Fever.</summary>
    Fever,

    /// <summary>Weight loss that has no explanation.</summary>
    UnexplainedWeightLoss,

    /// <summary>A past or current cancer.</summary>
    HistoryOfCancer,

    /// <summary>A recent fall, accident or other trauma.</summary>
    RecentTrauma,
}

using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>A common symptom of sciatica.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Symptom>))]
public enum Symptom
{
    /// <summary>Pain in the lower back.</summary>
    LowerBackPain,

    /// <summary>Pain in the buttock.</summary>
    ButtockPain,

    /// <summary>Pain that travels down the leg.</summary>
    RadiatingLegPain,

    /// <summary>Burning, tingling or pins and needles.</summary>
    Tingling,

    /// <summary>Numbness in the leg or foot.</summary>
    Numbness,

    /// <summary>Weakness in the affected leg.</summary>
    LegWeakness,

    /// <summary>Pain that gets worse with prolonged sitting.</summary>
    WorseWhenSitting,
}

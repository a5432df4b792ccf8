using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>How well the person tolerates pressure on the painful area.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PainSensitivity>))]
public enum PainSensitivity
{
    /// <summary>Tolerates firm pressure.</summary>
    Low,

    /// <summary>Tolerates moderate pressure.</summary>
    Moderate,

    /// <summary>Tolerates only light pressure.</summary>
    High,
}

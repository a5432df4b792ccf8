using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>How much pressure the therapist applies, from lightest to firmest.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Pressure>))]
public enum Pressure
{
    /// <summary>Light pressure.</summary>
    Light,

    /// <summary>Moderate pressure.</summary>
    Moderate,

    /// <summary>Firm pressure.</summary>
    Firm,
}

using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>A therapy beside massage.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AdjunctTherapy>))]
public enum AdjunctTherapy
{
    /// <summary>Ice, then heat, on the painful area.</summary>
    HeatIce,
}

using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>The underlying cause of the sciatica, as far as it is known.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SciaticaCause>))]
public enum SciaticaCause
{
    /// <summary>A spinal disc presses on the nerve root.</summary>
    HerniatedDisc,

    /// <summary>A narrowed spinal canal presses on the nerve roots.</summary>
    SpinalStenosis,

    /// <summary>A tight piriformis muscle in the buttock clamps the nerve.</summary>
    PiriformisSyndrome,

    /// <summary>A vertebra has slipped forward over another and pinches the nerve.</summary>
    Spondylolisthesis,

    /// <summary>The cause has not been determined.</summary>
    Unknown,
}

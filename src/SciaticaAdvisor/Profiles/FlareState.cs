using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>Whether the person is in a flare-up.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<FlareState>))]
public enum FlareState
{
    /// <summary>No flare-up.</summary>
    None,

    /// <summary>A flare-up that is settling down.</summary>
    Subsiding,

    /// <summary>A flare-up now: pain at its worst, the area highly inflamed.</summary>
    Acute,
}

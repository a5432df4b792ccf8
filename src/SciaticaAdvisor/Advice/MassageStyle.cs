using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>A massage style. The declaration order breaks ties between equal scores.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<MassageStyle>))]
public enum MassageStyle
{
    /// <summary>Finger pressure along the body's meridians.</summary>
    Shiatsu,

    /// <summary>Slow, firm strokes that reach the deep layers of muscle.</summary>
    DeepTissue,

    /// <summary>Hawaiian massage with long, flowing strokes.</summary>
    LomiLomi,

    /// <summary>Gentle massage that calms the nervous system.</summary>
    Relaxation,

    /// <summary>Pressure on points of the feet.</summary>
    Reflexology,
}

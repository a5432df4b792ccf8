using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>How strongly a style is advised against, from weakest to strongest.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ContraindicationLevel>))]
public enum ContraindicationLevel
{
    /// <summary>The style may be used, with care; its score is lowered.</summary>
    Caution,

    /// <summary>The style must not be used.</summary>
    Avoid,
}

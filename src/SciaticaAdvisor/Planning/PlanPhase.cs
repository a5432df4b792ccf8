using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Planning;

/// <summary>A phase of the session frequency plan, in the order they follow each other.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<PlanPhase>))]
public enum PlanPhase
{
    /// <summary>Frequent sessions for relief of moderate to severe pain.</summary>
    Intensive,

    /// <summary>Fewer sessions to fix the underlying pattern.</summary>
    Corrective,

    /// <summary>Occasional sessions to prevent recurrence.</summary>
    Maintenance,
}

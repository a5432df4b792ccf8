using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>What the advice amounts to.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AdviceStatus>))]
public enum AdviceStatus
{
    /// <summary>Massage is advised as described.</summary>
    Recommended,

    /// <summary>The diagnosis or a clinician's approval is missing: the styles and plan are provisional.</summary>
    ClearanceNeeded,

    /// <summary>Massage is not advised now: a doctor must come first, or no style suits.</summary>
    Referral,
}

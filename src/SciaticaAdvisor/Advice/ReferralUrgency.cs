using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>How soon the person must see a doctor, from most to least urgent.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ReferralUrgency>))]
public enum ReferralUrgency
{
    /// <summary>Emergency care now.</summary>
    Emergency,

    /// <summary>A doctor must assess the person before any massage.</summary>
    Urgent,

    /// <summary>See a doctor or physical therapist in the ordinary way.</summary>
    Routine,
}

using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>Another condition that limits what massage is safe.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<HealthCondition>))]
public enum HealthCondition
{
    /// <summary>A deep vein thrombosis is suspected.</summary>
    SuspectedDvt,

    /// <summary>The person takes blood thinners.</summary>
    Anticoagulants,

    /// <summary>Weakened bones.</summary>
    Osteoporosis,

    /// <summary>The person is pregnant.</summary>
    Pregnancy,

    /// <summary>Spinal surgery in the recent past.</summary>
    RecentSpinalSurgery,

    /// <summary>A rash, wound or other skin lesion where the massage would go.</summary>
    SkinLesionInArea,
}

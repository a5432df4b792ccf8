using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Profiles;

/// <summary>What kind of value a profile field holds.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ProfileFieldKind>))]
public enum ProfileFieldKind
{
    /// <summary>One value of an enum, such as <see cref="SymptomProfile.Cause"/>.</summary>
    Choice,

    /// <summary>A set of values of an enum, such as <see cref="SymptomProfile.Symptoms"/>.</summary>
    Set,

    /// <summary>A whole number in a range, such as <see cref="SymptomProfile.PainIntensity"/>.</summary>
    Number,

    /// <summary>Yes or no, such as <see cref="SymptomProfile.DiagnosisConfirmed"/>.</summary>
    Boolean,
}

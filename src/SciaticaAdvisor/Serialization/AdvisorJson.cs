using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>Writes profiles and advice as the contract's JSON: camelCase names, enums as camelCase strings.</summary>
/// <remarks>Thread-safe. Reading a profile goes through <see cref="ProfileReader"/>, which validates it.</remarks>
public static class AdvisorJson
{
    private static readonly JsonSerializerOptions IndentedOptions = new(SciaticaJsonContext.Default.Options) { WriteIndented = true };
    private static readonly SciaticaJsonContext Indented = new(IndentedOptions);

    /// <summary>Writes an advice as compact JSON on one line.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="indented">Whether to indent the JSON for reading.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(MassageAdvice advice, bool indented = false) =>
        JsonSerializer.Serialize(advice, (indented ? Indented : SciaticaJsonContext.Default).MassageAdvice);

    /// <summary>Writes an advice as compact UTF-8 JSON.</summary>
    /// <param name="writer">The writer to write to.</param>
    /// <param name="advice">The advice.</param>
    public static void Serialize(Utf8JsonWriter writer, MassageAdvice advice) =>
        JsonSerializer.Serialize(writer, advice, SciaticaJsonContext.Default.MassageAdvice);

    /// <summary>Writes a profile as compact JSON on one line, its sets in the contract's order.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(SymptomProfile profile) =>
        JsonSerializer.Serialize(profile, SciaticaJsonContext.Default.SymptomProfile);

    /// <summary>Reads an advice written by <see cref="Serialize(MassageAdvice, bool)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="JsonException">The text is not an advice.</exception>
    public static MassageAdvice DeserializeAdvice(string json) =>
        JsonSerializer.Deserialize(json, SciaticaJsonContext.Default.MassageAdvice)
        ?? throw new JsonException("The document is null, not an advice.");
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>Writes profiles and advice as the contract's JSON: camelCase names, enums as camelCase strings.</summary>
/// <remarks>Thread-safe. Reading a profile goes through <see cref="ProfileReader"/>, which validates it.</remarks>
public static class AdvisorJson
{
    /// <summary>A thread's scratch buffer holds at most this much between calls; a larger one is let go.</summary>
    private const int MaxRetainedBytes = 1 << 20;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The contract's serializer options (camelCase names, enums as camelCase strings, unknown members refused), backed by source-generated metadata.</summary>
    /// <remarks>Read-only. Pass them to any <see cref="JsonSerializer"/> call, or add <see cref="TypeInfoResolver"/> to options of your own.</remarks>
    public static JsonSerializerOptions Options => SciaticaJsonContext.Default.Options;

    /// <summary>The source-generated metadata of the contract's documents, to put first in a host's resolver chain (ASP.NET's <c>JsonOptions.SerializerOptions.TypeInfoResolverChain</c>).</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => SciaticaJsonContext.Default;

    /// <summary>The contract's metadata of an advice, for <c>JsonSerializer.Serialize(advice, AdvisorJson.AdviceTypeInfo)</c> or ASP.NET's typed results.</summary>
    public static JsonTypeInfo<MassageAdvice> AdviceTypeInfo => SciaticaJsonContext.Default.MassageAdvice;

    /// <summary>The contract's metadata of a profile. Reading with it does not validate: read profiles with <see cref="ProfileReader"/>.</summary>
    public static JsonTypeInfo<SymptomProfile> ProfileTypeInfo => SciaticaJsonContext.Default.SymptomProfile;

    /// <summary>Writes an advice as compact JSON on one line.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="indented">Whether to indent the JSON for reading.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(MassageAdvice advice, bool indented = false)
    {
        // The hand-written writer gives the serializer's bytes without its start-up cost; see AdviceJsonWriter.
        var scratch = t_scratch ??= new Scratch();
        var writer = scratch.Start(indented);
        AdviceJsonWriter.Write(writer, advice);
        writer.Flush();
        var json = Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
        if (scratch.Buffer.Capacity > MaxRetainedBytes)
        {
            t_scratch = null;
        }

        return json;
    }

    /// <summary>Writes an advice as compact UTF-8 JSON.</summary>
    /// <param name="writer">The writer to write to.</param>
    /// <param name="advice">The advice.</param>
    public static void Serialize(Utf8JsonWriter writer, MassageAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(writer);
        AdviceJsonWriter.Write(writer, advice);
        writer.Flush();
    }

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

    /// <summary>A thread's reusable buffer and writers, so writing an advice allocates only its string.</summary>
    /// <remarks>
    /// One per thread, so no locks; nothing the writer calls can re-enter. Every use starts with a reset,
    /// so a call that threw part-way leaves nothing behind. The serializer skips the writer's validation too.
    /// </remarks>
    [SuppressMessage("Design", "CA1001", Justification = "The writers own no unmanaged resource; disposing one only flushes it, and they live as long as their thread.")]
    private sealed class Scratch
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(8192);
        private readonly Utf8JsonWriter _compact;
        private readonly Utf8JsonWriter _indented;

        public Scratch()
        {
            _compact = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });
            _indented = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true, Indented = true });
        }

        public Utf8JsonWriter Start(bool indented)
        {
            Buffer.ResetWrittenCount();
            var writer = indented ? _indented : _compact;
            writer.Reset();
            return writer;
        }
    }
}

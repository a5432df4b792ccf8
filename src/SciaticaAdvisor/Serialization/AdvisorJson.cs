using System.Buffers;
using System.Collections.Concurrent;
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
    /// <summary>Buffers for <see cref="Serialize(MassageAdvice, bool)"/>, rented one a call and given back after.</summary>
    private static readonly ScratchPool Scratches = new();

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
        // The hand-written writers give the serializer's bytes without its start-up cost; see AdviceJsonWriter.
        var scratch = Scratches.Rent();
        scratch.Buffer.ResetWrittenCount();
        if (indented || !CompactAdviceWriter.TryWrite(scratch.Buffer, advice))
        {
            var writer = scratch.Start(indented);
            AdviceJsonWriter.Write(writer, advice);
            writer.Flush();
        }

        var json = Encoding.UTF8.GetString(scratch.Buffer.WrittenSpan);
        Scratches.Return(scratch);
        return json;
    }

    /// <summary>Writes an advice as compact UTF-8 JSON.</summary>
    /// <param name="writer">The writer to write to.</param>
    /// <param name="advice">The advice.</param>
    /// <remarks>The writer's options apply: an indenting writer indents, another encoder escapes as it does.</remarks>
    public static void Serialize(Utf8JsonWriter writer, MassageAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (TakesRawAdvice(writer))
        {
            var scratch = Scratches.Rent();
            scratch.Buffer.ResetWrittenCount();
            if (CompactAdviceWriter.TryWrite(scratch.Buffer, advice))
            {
                // The same bytes the writer would have made itself, with its separator before them.
                writer.WriteRawValue(scratch.Buffer.WrittenSpan, skipInputValidation: true);
                writer.Flush();
                Scratches.Return(scratch);
                return;
            }

            Scratches.Return(scratch);
        }

        AdviceJsonWriter.Write(writer, advice);
        writer.Flush();
    }

    /// <summary>Writes an advice as compact UTF-8 JSON (no line end) to the end of a buffer.</summary>
    /// <param name="output">Where the JSON goes: it is appended after what the buffer holds.</param>
    /// <param name="advice">The advice.</param>
    /// <remarks>
    /// The bytes <see cref="Serialize(MassageAdvice, bool)"/> gives as UTF-8, without a writer of the
    /// caller's: for hosts that write many advices, one a line. The rule set's strings are encoded
    /// once and copied after that, so this is the fastest way to write advice. When it throws (an
    /// advice the serializer refuses too), part of the JSON may have been written.
    /// </remarks>
    public static void Serialize(IBufferWriter<byte> output, MassageAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!CompactAdviceWriter.TryWrite(output, advice))
        {
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
            AdviceJsonWriter.Write(writer, advice);
        }
    }

    /// <summary>
    /// Whether a writer would write the compact writer's bytes for an advice: compact, the default
    /// encoder, and nesting far from its depth limit (a raw value is not counted against it).
    /// </summary>
    private static bool TakesRawAdvice(Utf8JsonWriter writer)
    {
        var options = writer.Options;
        return !options.Indented && options.Encoder is null
            && writer.CurrentDepth < 64 && (options.MaxDepth == 0 || options.MaxDepth >= 128);
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

    /// <summary>
    /// The scratch buffers kept for reuse, at most two a core: a call rents one (or makes one when none
    /// is free) and gives it back, so writing an advice allocates only its string.
    /// </summary>
    /// <remarks>
    /// Thread-safe; a buffer is used by one call at a time. One that grew past 1 MiB (a huge advice), or
    /// one over the count, is let go rather than kept, so the pool's memory stays bounded however many
    /// threads write. A call that throws part-way does not give its buffer back.
    /// </remarks>
    private sealed class ScratchPool
    {
        private const int MaxRetainedBytes = 1 << 20;

        private readonly int _maxKept = Environment.ProcessorCount * 2;
        private readonly ConcurrentBag<Scratch> _kept = [];

        // ConcurrentBag.Count takes the lock of every thread's list; a counter of our own does not.
        private int _count;

        public Scratch Rent()
        {
            if (_kept.TryTake(out var scratch))
            {
                Interlocked.Decrement(ref _count);
                return scratch;
            }

            return new Scratch();
        }

        public void Return(Scratch scratch)
        {
            if (scratch.Buffer.Capacity > MaxRetainedBytes)
            {
                return;
            }

            if (Interlocked.Increment(ref _count) <= _maxKept)
            {
                _kept.Add(scratch);
            }
            else
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>A reusable buffer and writers; every use starts with a reset. The serializer skips the writer's validation too.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "The writers own no unmanaged resource; disposing one only flushes it.")]
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

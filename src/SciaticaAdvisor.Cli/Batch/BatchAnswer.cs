using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// Writes the output lines that answer a chunk of input lines, as UTF-8 into one buffer: an advice,
/// or the error object, each line ending in a line feed.
/// </summary>
/// <remarks>One instance per chunk, used by one thread.</remarks>
internal sealed class BatchAnswer : IDisposable
{
    // Error messages quote the input ('acut'); the relaxed encoder keeps them readable, and the
    // output is JSON Lines, never embedded in HTML. Advice is written as AdvisorJson writes it.
    private static readonly JsonWriterOptions ErrorWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _lines;
    private readonly AdviceBytesMemo? _memo;
    private readonly Utf8JsonWriter _errors;

    /// <param name="lines">Where the lines go: an empty buffer, reused from chunk to chunk.</param>
    /// <param name="memo">The JSON of advices written before, shared by the run's chunks; none serializes every advice.</param>
    public BatchAnswer(ArrayBufferWriter<byte> lines, AdviceBytesMemo? memo = null)
    {
        _lines = lines;
        _memo = memo;
        _errors = new Utf8JsonWriter(_lines, ErrorWriterOptions);
    }

    /// <summary>Answers each item of a chunk with one line, in order, and counts the answers.</summary>
    /// <remarks>
    /// The chunk's valid profiles are advised in one call, so first-seen input classes share engine
    /// sessions. A rule set that faults on an item (its advice would break a GUIDANCE invariant) gets
    /// the line <c>{"line":N,"fault":"..."}</c>: the other lines are still answered, and the run exits 1 at the end.
    /// </remarks>
    public void WriteAll(IReadOnlyList<BatchItem> items, IProfileAdvisor advisor, BatchSummary counts)
    {
        var reads = new ProfileReadResult?[items.Count];
        var profiles = new List<SymptomProfile>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsDocument)
            {
                var read = reads[i] = ProfileReader.TryRead(items[i].Json!);
                if (read.IsValid)
                {
                    profiles.Add(read.Profile);
                }
            }
        }

        var advices = new MassageAdvice[profiles.Count];
        var faults = Advise(advisor, CollectionsMarshal.AsSpan(profiles), advices);
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (reads[i] is not { } read)
            {
                WriteErrors(item.Line, [new ProfileError("$", item.Problem!)]);
                counts.Count(null);
            }
            else if (!read.IsValid)
            {
                WriteErrors(item.Line, read.Errors);
                counts.Count(null);
            }
            else if (faults?[next] is { } fault)
            {
                WriteFault(item.Line, fault);
                counts.CountFault();
                next++;
            }
            else
            {
                var advice = advices[next++];
                WriteAdvice(advice);
                _lines.Write("\n"u8);
                counts.Count(advice.Status);
            }
        }
    }

    /// <summary>Advises the profiles; when the rule set faults, asks again one by one for those left without advice.</summary>
    /// <returns>Each profile's fault message at its index, or null when none faulted.</returns>
    private static string?[]? Advise(IProfileAdvisor advisor, ReadOnlySpan<SymptomProfile> profiles, MassageAdvice[] advices)
    {
        try
        {
            advisor.AdviseMany(profiles, advices);
            return null;
        }
        catch (RuleSetFaultException)
        {
            var faults = new string?[profiles.Length];
            for (var i = 0; i < profiles.Length; i++)
            {
                try
                {
                    advices[i] ??= advisor.Advise(profiles[i]);
                }
                catch (RuleSetFaultException ex)
                {
                    faults[i] = ex.Message;
                }
            }

            return faults;
        }
    }

    public void Dispose()
    {
        _errors.Dispose();
    }

    /// <summary>Writes the advice's JSON: a copy of its bytes when the memo has them, else serialized (and offered to the memo).</summary>
    private void WriteAdvice(MassageAdvice advice)
    {
        if (_memo?.TryCopy(advice, _lines) == true)
        {
            return;
        }

        var start = _lines.WrittenCount;
        AdvisorJson.Serialize(_lines, advice);
        _memo?.Offer(advice, _lines.WrittenSpan[start..]);
    }

    /// <summary>Writes <c>{"line":N,"errors":[{"path":..,"message":..}]}</c>.</summary>
    private void WriteErrors(int line, IEnumerable<ProfileError> errors)
    {
        var writer = _errors;
        writer.Reset(_lines);
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", error.Path);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        EndLine(writer);
    }

    /// <summary>Writes <c>{"line":N,"fault":"..."}</c>; the message names the rule set and the invariant, never the profile.</summary>
    private void WriteFault(int line, string fault)
    {
        var writer = _errors;
        writer.Reset(_lines);
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        writer.WriteString("fault", fault);
        writer.WriteEndObject();
        EndLine(writer);
    }

    private void EndLine(Utf8JsonWriter writer)
    {
        writer.Flush();
        _lines.Write("\n"u8);
    }
}

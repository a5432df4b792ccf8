using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Serialization;

/// <summary>
/// Writes an advice as compact UTF-8 JSON straight into a buffer, byte for byte what
/// <see cref="AdviceJsonWriter"/> writes through a <see cref="Utf8JsonWriter"/> of default options.
/// </summary>
/// <remarks>
/// <para>
/// Why: <c>batch</c> writes millions of advices, and most of an advice's bytes are the rule set's own
/// strings, which a <see cref="Utf8JsonWriter"/> transcodes and checks for escaping in every advice.
/// Here the structure is literal bytes, and a string, a plan or a rule set's description written
/// before is a copy of its JSON (<see cref="EncodedFragments"/>); a string met for the first time is
/// transcoded once and, when the default encoder would escape none of it, written as is.
/// </para>
/// <para>
/// Only an advice the serializer writes without a special case takes this path: every array
/// initialised, no null where the records allow none, no null item, finite scores, named enum members
/// and rule-set layers nested at most <see cref="MaxLayerDepth"/> deep. Any other goes through
/// <see cref="AdviceJsonWriter"/>, which writes its nulls and throws its exceptions exactly as before.
/// A string the default encoder would escape is escaped by a <see cref="Utf8JsonWriter"/> itself.
/// The tests compare both writers on the scenarios, thousands of random profiles and awkward strings.
/// </para>
/// </remarks>
internal static class CompactAdviceWriter
{
    /// <summary>The deepest nesting of rule-set layers this writer takes (a layered set is one level).</summary>
    public const int MaxLayerDepth = 4;

    /// <summary>Room for a usual advice in one span: the built-in rules write 2 to 5 KB.</summary>
    private const int SizeHint = 8192;

    /// <summary>Writes the advice, or returns false having written nothing when it is not one this writer takes.</summary>
    /// <exception cref="JsonException">An enum value is no named member (as <see cref="AdviceJsonWriter"/> throws), before anything is written.</exception>
    public static bool TryWrite(IBufferWriter<byte> sink, MassageAdvice? advice)
    {
        if (advice is null || !IsPlain(advice))
        {
            return false;
        }

        var output = new Utf8Output(sink, SizeHint);
        var fragments = EncodedFragments.Shared;
        output.Write("{\"status\":"u8);
        WriteName(ref output, EnumNames<AdviceStatus>.EncodedNameOf(advice.Status));

        output.Write(",\"styles\":["u8);
        for (var i = 0; i < advice.Styles.Length; i++)
        {
            var style = advice.Styles[i];
            output.Write(i == 0 ? "{\"style\":"u8 : ",{\"style\":"u8);
            WriteName(ref output, EnumNames<MassageStyle>.EncodedNameOf(style.Style));
            output.Write(",\"rank\":"u8);
            WriteNumber(ref output, style.Rank);
            output.Write(",\"score\":"u8);
            WriteNumber(ref output, style.Score);
            output.Write(",\"pressure\":"u8);
            WriteName(ref output, EnumNames<Pressure>.EncodedNameOf(style.Pressure));
            output.Write(",\"focusAreas\":["u8);
            for (var j = 0; j < style.FocusAreas.Length; j++)
            {
                if (j > 0)
                {
                    output.Write((byte)',');
                }

                WriteName(ref output, EnumNames<FocusArea>.EncodedNameOf(style.FocusAreas[j]));
            }

            output.Write("],\"rationale\":"u8);
            WriteString(ref output, fragments, style.Rationale);
            output.Write(",\"ruleIds\":"u8);
            WriteStrings(ref output, fragments, style.RuleIds);
            output.Write((byte)'}');
        }

        output.Write("],\"contraindications\":["u8);
        for (var i = 0; i < advice.Contraindications.Length; i++)
        {
            var contraindication = advice.Contraindications[i];
            output.Write(i == 0 ? "{\"style\":"u8 : ",{\"style\":"u8);
            WriteName(ref output, EnumNames<MassageStyle>.EncodedNameOf(contraindication.Style));
            output.Write(",\"level\":"u8);
            WriteName(ref output, EnumNames<ContraindicationLevel>.EncodedNameOf(contraindication.Level));
            output.Write(",\"reason\":"u8);
            WriteString(ref output, fragments, contraindication.Reason);
            output.Write(",\"ruleIds\":"u8);
            WriteStrings(ref output, fragments, contraindication.RuleIds);
            output.Write((byte)'}');
        }

        output.Write("],\"adjuncts\":["u8);
        for (var i = 0; i < advice.Adjuncts.Length; i++)
        {
            var adjunct = advice.Adjuncts[i];
            output.Write(i == 0 ? "{\"therapy\":"u8 : ",{\"therapy\":"u8);
            WriteName(ref output, EnumNames<AdjunctTherapy>.EncodedNameOf(adjunct.Therapy));
            output.Write(",\"reason\":"u8);
            WriteString(ref output, fragments, adjunct.Reason);
            output.Write(",\"ruleIds\":"u8);
            WriteStrings(ref output, fragments, adjunct.RuleIds);
            output.Write((byte)'}');
        }

        output.Write("],\"plan\":"u8);
        if (advice.Plan is { } plan)
        {
            WritePlan(ref output, fragments, plan);
        }
        else
        {
            output.Write("null"u8);
        }

        output.Write(",\"referral\":"u8);
        if (advice.Referral is { } referral)
        {
            output.Write("{\"urgency\":"u8);
            WriteName(ref output, EnumNames<ReferralUrgency>.EncodedNameOf(referral.Urgency));
            output.Write(",\"reasons\":"u8);
            WriteStrings(ref output, fragments, referral.Reasons);
            output.Write(",\"ruleIds\":"u8);
            WriteStrings(ref output, fragments, referral.RuleIds);
            output.Write((byte)'}');
        }
        else
        {
            output.Write("null"u8);
        }

        output.Write(",\"notes\":"u8);
        WriteStrings(ref output, fragments, advice.Notes);
        output.Write(",\"trace\":["u8);
        for (var i = 0; i < advice.Trace.Length; i++)
        {
            var entry = advice.Trace[i];
            output.Write(i == 0 ? "{\"ruleId\":"u8 : ",{\"ruleId\":"u8);
            WriteString(ref output, fragments, entry.RuleId);
            output.Write(",\"name\":"u8);
            WriteString(ref output, fragments, entry.Name);
            output.Write((byte)'}');
        }

        output.Write("],\"ruleSet\":"u8);
        WriteRuleSet(ref output, fragments, advice.RuleSet);
        output.Write((byte)'}');
        output.Commit();
        return true;
    }

    /// <summary>Whether the advice has none of the cases left to <see cref="AdviceJsonWriter"/>; its enum values are checked too, and throw as that writer throws.</summary>
    private static bool IsPlain(MassageAdvice advice)
    {
        _ = EnumNames<AdviceStatus>.EncodedNameOf(advice.Status);
        if (advice.Styles.IsDefault || advice.Contraindications.IsDefault || advice.Adjuncts.IsDefault
            || !AreStrings(advice.Notes) || advice.Trace.IsDefault || !IsPlain(advice.RuleSet, 0))
        {
            return false;
        }

        foreach (var style in advice.Styles)
        {
            if (style is null || style.Rationale is null || !double.IsFinite(style.Score) || style.FocusAreas.IsDefault || !AreStrings(style.RuleIds))
            {
                return false;
            }

            _ = EnumNames<MassageStyle>.EncodedNameOf(style.Style);
            _ = EnumNames<Pressure>.EncodedNameOf(style.Pressure);
            foreach (var area in style.FocusAreas)
            {
                _ = EnumNames<FocusArea>.EncodedNameOf(area);
            }
        }

        foreach (var contraindication in advice.Contraindications)
        {
            if (contraindication is null || contraindication.Reason is null || !AreStrings(contraindication.RuleIds))
            {
                return false;
            }

            _ = EnumNames<MassageStyle>.EncodedNameOf(contraindication.Style);
            _ = EnumNames<ContraindicationLevel>.EncodedNameOf(contraindication.Level);
        }

        foreach (var adjunct in advice.Adjuncts)
        {
            if (adjunct is null || adjunct.Reason is null || !AreStrings(adjunct.RuleIds))
            {
                return false;
            }

            _ = EnumNames<AdjunctTherapy>.EncodedNameOf(adjunct.Therapy);
        }

        if (advice.Plan is { } plan && !IsPlain(plan))
        {
            return false;
        }

        if (advice.Referral is { } referral)
        {
            if (!AreStrings(referral.Reasons) || !AreStrings(referral.RuleIds))
            {
                return false;
            }

            _ = EnumNames<ReferralUrgency>.EncodedNameOf(referral.Urgency);
        }

        foreach (var entry in advice.Trace)
        {
            if (entry is null || entry.RuleId is null || entry.Name is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlain(FrequencyPlan plan)
    {
        _ = EnumNames<PlanPhase>.EncodedNameOf(plan.CurrentPhase);
        if (plan.Phases.IsDefault)
        {
            return false;
        }

        foreach (var phase in plan.Phases)
        {
            if (phase is null || phase.Goal is null)
            {
                return false;
            }

            _ = EnumNames<PlanPhase>.EncodedNameOf(phase.Phase);
        }

        return true;
    }

    private static bool IsPlain(RuleSetInfo? ruleSet, int depth)
    {
        if (ruleSet is null || ruleSet.Name is null || ruleSet.Version is null || ruleSet.Sha256 is null)
        {
            return false;
        }

        if (ruleSet.Layers is not { } layers)
        {
            return true;
        }

        if (depth >= MaxLayerDepth || layers.IsDefault)
        {
            return false;
        }

        foreach (var layer in layers)
        {
            if (!IsPlain(layer, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreStrings(ImmutableArray<string> values)
    {
        if (values.IsDefault)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (value is null)
            {
                return false;
            }
        }

        return true;
    }

    private static void WritePlan(ref Utf8Output output, EncodedFragments fragments, FrequencyPlan plan)
    {
        var hash = EncodedFragments.HashOf(plan);
        if (fragments.TryGet(plan, hash, out var json))
        {
            output.Write(json);
            return;
        }

        var start = output.Position;
        var spans = output.Spans;
        output.Write("{\"currentPhase\":"u8);
        WriteName(ref output, EnumNames<PlanPhase>.EncodedNameOf(plan.CurrentPhase));
        output.Write(",\"phases\":["u8);
        for (var i = 0; i < plan.Phases.Length; i++)
        {
            var phase = plan.Phases[i];
            output.Write(i == 0 ? "{\"phase\":"u8 : ",{\"phase\":"u8);
            WriteName(ref output, EnumNames<PlanPhase>.EncodedNameOf(phase.Phase));
            output.Write(",\"minSessions\":"u8);
            WriteNumber(ref output, phase.MinSessions);
            output.Write(",\"maxSessions\":"u8);
            WriteNumber(ref output, phase.MaxSessions);
            output.Write(",\"periodWeeks\":"u8);
            WriteNumber(ref output, phase.PeriodWeeks);
            output.Write(",\"minWeeks\":"u8);
            WriteNumberOrNull(ref output, phase.MinWeeks);
            output.Write(",\"maxWeeks\":"u8);
            WriteNumberOrNull(ref output, phase.MaxWeeks);
            output.Write(",\"goal\":"u8);
            WriteString(ref output, fragments, phase.Goal);
            output.Write((byte)'}');
        }

        output.Write("]}"u8);
        if (output.TryWrittenSince(start, spans, out var written))
        {
            fragments.Offer(plan, hash, written);
        }
    }

    private static void WriteRuleSet(ref Utf8Output output, EncodedFragments fragments, RuleSetInfo ruleSet)
    {
        var hash = EncodedFragments.HashOf(ruleSet);
        if (fragments.TryGet(ruleSet, hash, out var json))
        {
            output.Write(json);
            return;
        }

        var start = output.Position;
        var spans = output.Spans;
        output.Write("{\"name\":"u8);
        WriteString(ref output, fragments, ruleSet.Name);
        output.Write(",\"version\":"u8);
        WriteString(ref output, fragments, ruleSet.Version);
        output.Write(",\"sha256\":"u8);
        WriteString(ref output, fragments, ruleSet.Sha256);
        if (ruleSet.Layers is { } layers)
        {
            output.Write(",\"layers\":["u8);
            for (var i = 0; i < layers.Length; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }

                WriteRuleSet(ref output, fragments, layers[i]);
            }

            output.Write((byte)']');
        }

        output.Write((byte)'}');
        if (output.TryWrittenSince(start, spans, out var written))
        {
            fragments.Offer(ruleSet, hash, written);
        }
    }

    private static void WriteStrings(ref Utf8Output output, EncodedFragments fragments, ImmutableArray<string> values)
    {
        output.Write((byte)'[');
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                output.Write((byte)',');
            }

            WriteString(ref output, fragments, values[i]);
        }

        output.Write((byte)']');
    }

    /// <summary>Writes a string as a JSON string: its kept JSON, or transcoded (and escaped only where the default encoder escapes).</summary>
    private static void WriteString(ref Utf8Output output, EncodedFragments fragments, string value)
    {
        var hash = EncodedFragments.HashOf(value);
        if (fragments.TryGet(value, hash, out var json))
        {
            output.Write(json);
            return;
        }

        // A UTF-16 char is at most 3 UTF-8 bytes; the quotes are two more.
        var span = output.Reserve((value.Length * 3) + 2);
        var status = Utf8.FromUtf16(value, span[1..], out _, out var length, replaceInvalidSequences: false);
        if (status == OperationStatus.Done && JavaScriptEncoder.Default.FindFirstCharacterToEncodeUtf8(span.Slice(1, length)) < 0)
        {
            span[0] = (byte)'"';
            span[length + 1] = (byte)'"';
            output.Advance(length + 2);
            fragments.Offer(value, hash, span[..(length + 2)]);
            return;
        }

        var escaped = Escaped(value);
        output.Write(escaped);
        fragments.Offer(value, hash, escaped);
    }

    /// <summary>The string as a <see cref="Utf8JsonWriter"/> of default options writes it, escapes and all.</summary>
    private static byte[] Escaped(string value)
    {
        var buffer = new ArrayBufferWriter<byte>((value.Length * 6) + 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStringValue(value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteName(ref Utf8Output output, JsonEncodedText name)
    {
        var bytes = name.EncodedUtf8Bytes;
        var span = output.Reserve(bytes.Length + 2);
        span[0] = (byte)'"';
        bytes.CopyTo(span[1..]);
        span[bytes.Length + 1] = (byte)'"';
        output.Advance(bytes.Length + 2);
    }

    private static void WriteNumber(ref Utf8Output output, int value)
    {
        var span = output.Reserve(11);
        value.TryFormat(span, out var length, default, CultureInfo.InvariantCulture);
        output.Advance(length);
    }

    private static void WriteNumber(ref Utf8Output output, double value)
    {
        // What Utf8JsonWriter.WriteNumberValue(double) writes: the shortest text that reads back as the value.
        var span = output.Reserve(128);
        value.TryFormat(span, out var length, default, CultureInfo.InvariantCulture);
        output.Advance(length);
    }

    private static void WriteNumberOrNull(ref Utf8Output output, int? value)
    {
        if (value is { } number)
        {
            WriteNumber(ref output, number);
        }
        else
        {
            output.Write("null"u8);
        }
    }
}

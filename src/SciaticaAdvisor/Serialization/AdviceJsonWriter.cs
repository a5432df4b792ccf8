using System.Collections.Immutable;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Serialization;

/// <summary>
/// Writes an advice straight to a <see cref="Utf8JsonWriter"/>, byte for byte as
/// <c>JsonSerializer.Serialize(advice, SciaticaJsonContext.Default.MassageAdvice)</c> writes it.
/// </summary>
/// <remarks>
/// <para>
/// Why by hand: the serializer's first call in a process spends tens of milliseconds building its
/// metadata and converters, and every advice pays for the walk through that metadata. This writer
/// has nothing to build and allocates nothing of its own.
/// </para>
/// <para>
/// It must follow the records and the context's options exactly: properties in declaration order,
/// camelCase names, enums by <see cref="EnumNames{TEnum}"/>, <c>null</c> written for a null
/// <see cref="MassageAdvice.Plan"/>, <see cref="MassageAdvice.Referral"/>, <see cref="PhasePlan.MinWeeks"/>,
/// <see cref="PhasePlan.MaxWeeks"/> and null array items, <see cref="RuleSetInfo.Layers"/> left out when null.
/// Like the serializer (which respects nullable annotations) it refuses a null non-nullable property.
/// The tests compare it with the serializer; a property added to a record must be added here too.
/// </para>
/// </remarks>
internal static class AdviceJsonWriter
{
    /// <summary>Writes the advice as one JSON value; a null advice is written as <c>null</c>, as the serializer does.</summary>
    /// <remarks>Does not flush the writer.</remarks>
    public static void Write(Utf8JsonWriter writer, MassageAdvice? advice)
    {
        if (advice is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Status, EnumNames<AdviceStatus>.EncodedNameOf(advice.Status));

        writer.WriteStartArray(Property.Styles);
        foreach (var style in Items(advice.Styles, "styles"))
        {
            WriteStyle(writer, style);
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Property.Contraindications);
        foreach (var contraindication in Items(advice.Contraindications, "contraindications"))
        {
            WriteContraindication(writer, contraindication);
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Property.Adjuncts);
        foreach (var adjunct in Items(advice.Adjuncts, "adjuncts"))
        {
            WriteAdjunct(writer, adjunct);
        }

        writer.WriteEndArray();

        writer.WritePropertyName(Property.Plan);
        WritePlan(writer, advice.Plan);
        writer.WritePropertyName(Property.Referral);
        WriteReferral(writer, advice.Referral);
        WriteStrings(writer, Property.Notes, advice.Notes, "notes");

        writer.WriteStartArray(Property.Trace);
        foreach (var entry in Items(advice.Trace, "trace"))
        {
            WriteTraceEntry(writer, entry);
        }

        writer.WriteEndArray();

        writer.WritePropertyName(Property.RuleSet);
        WriteRuleSet(writer, advice.RuleSet ?? throw NullProperty("ruleSet", nameof(MassageAdvice)));
        writer.WriteEndObject();
    }

    private static void WriteStyle(Utf8JsonWriter writer, StyleAdvice? style)
    {
        if (style is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Style, EnumNames<MassageStyle>.EncodedNameOf(style.Style));
        writer.WriteNumber(Property.Rank, style.Rank);
        writer.WriteNumber(Property.Score, style.Score);
        writer.WriteString(Property.Pressure, EnumNames<Pressure>.EncodedNameOf(style.Pressure));
        writer.WriteStartArray(Property.FocusAreas);
        foreach (var area in Items(style.FocusAreas, "focusAreas"))
        {
            writer.WriteStringValue(EnumNames<FocusArea>.EncodedNameOf(area));
        }

        writer.WriteEndArray();
        writer.WriteString(Property.Rationale, style.Rationale ?? throw NullProperty("rationale", nameof(StyleAdvice)));
        WriteStrings(writer, Property.RuleIds, style.RuleIds, "ruleIds");
        writer.WriteEndObject();
    }

    private static void WriteContraindication(Utf8JsonWriter writer, Contraindication? contraindication)
    {
        if (contraindication is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Style, EnumNames<MassageStyle>.EncodedNameOf(contraindication.Style));
        writer.WriteString(Property.Level, EnumNames<ContraindicationLevel>.EncodedNameOf(contraindication.Level));
        writer.WriteString(Property.Reason, contraindication.Reason ?? throw NullProperty("reason", nameof(Contraindication)));
        WriteStrings(writer, Property.RuleIds, contraindication.RuleIds, "ruleIds");
        writer.WriteEndObject();
    }

    private static void WriteAdjunct(Utf8JsonWriter writer, Adjunct? adjunct)
    {
        if (adjunct is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Therapy, EnumNames<AdjunctTherapy>.EncodedNameOf(adjunct.Therapy));
        writer.WriteString(Property.Reason, adjunct.Reason ?? throw NullProperty("reason", nameof(Adjunct)));
        WriteStrings(writer, Property.RuleIds, adjunct.RuleIds, "ruleIds");
        writer.WriteEndObject();
    }

    private static void WritePlan(Utf8JsonWriter writer, FrequencyPlan? plan)
    {
        if (plan is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.CurrentPhase, EnumNames<PlanPhase>.EncodedNameOf(plan.CurrentPhase));
        writer.WriteStartArray(Property.Phases);
        foreach (var phase in Items(plan.Phases, "phases"))
        {
            WritePhase(writer, phase);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePhase(Utf8JsonWriter writer, PhasePlan? phase)
    {
        if (phase is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Phase, EnumNames<PlanPhase>.EncodedNameOf(phase.Phase));
        writer.WriteNumber(Property.MinSessions, phase.MinSessions);
        writer.WriteNumber(Property.MaxSessions, phase.MaxSessions);
        writer.WriteNumber(Property.PeriodWeeks, phase.PeriodWeeks);
        WriteNumberOrNull(writer, Property.MinWeeks, phase.MinWeeks);
        WriteNumberOrNull(writer, Property.MaxWeeks, phase.MaxWeeks);
        writer.WriteString(Property.Goal, phase.Goal ?? throw NullProperty("goal", nameof(PhasePlan)));
        writer.WriteEndObject();
    }

    private static void WriteReferral(Utf8JsonWriter writer, Referral? referral)
    {
        if (referral is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Urgency, EnumNames<ReferralUrgency>.EncodedNameOf(referral.Urgency));
        WriteStrings(writer, Property.Reasons, referral.Reasons, "reasons");
        WriteStrings(writer, Property.RuleIds, referral.RuleIds, "ruleIds");
        writer.WriteEndObject();
    }

    private static void WriteTraceEntry(Utf8JsonWriter writer, TraceEntry? entry)
    {
        if (entry is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.RuleId, entry.RuleId ?? throw NullProperty("ruleId", nameof(TraceEntry)));
        writer.WriteString(Property.Name, entry.Name ?? throw NullProperty("name", nameof(TraceEntry)));
        writer.WriteEndObject();
    }

    /// <summary>Writes a rule set and, when it has them, its layers (themselves rule sets).</summary>
    private static void WriteRuleSet(Utf8JsonWriter writer, RuleSetInfo? ruleSet)
    {
        if (ruleSet is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Property.Name, ruleSet.Name ?? throw NullProperty("name", nameof(RuleSetInfo)));
        writer.WriteString(Property.Version, ruleSet.Version ?? throw NullProperty("version", nameof(RuleSetInfo)));
        writer.WriteString(Property.Sha256, ruleSet.Sha256 ?? throw NullProperty("sha256", nameof(RuleSetInfo)));
        if (ruleSet.Layers is { } layers)
        {
            writer.WriteStartArray(Property.Layers);
            foreach (var layer in Items(layers, "layers"))
            {
                WriteRuleSet(writer, layer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an array of strings; a null item is written as <c>null</c>, as the serializer does.</summary>
    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<string> values, string property)
    {
        writer.WriteStartArray(name);
        foreach (var value in Items(values, property))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The array itself; a default (uninitialised) array cannot be enumerated, and the serializer throws on it too.</summary>
    private static ImmutableArray<T> Items<T>(ImmutableArray<T> array, string property) =>
        array.IsDefault ? throw DefaultArray(property) : array;

    private static InvalidOperationException DefaultArray(string property) =>
        new($"The property '{property}' is a default ImmutableArray, which cannot be enumerated; give an empty array instead.");

    /// <summary>The property names, encoded once.</summary>
    private static class Property
    {
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Styles = JsonEncodedText.Encode("styles");
        public static readonly JsonEncodedText Contraindications = JsonEncodedText.Encode("contraindications");
        public static readonly JsonEncodedText Adjuncts = JsonEncodedText.Encode("adjuncts");
        public static readonly JsonEncodedText Plan = JsonEncodedText.Encode("plan");
        public static readonly JsonEncodedText Referral = JsonEncodedText.Encode("referral");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
        public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
        public static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet");

        public static readonly JsonEncodedText Style = JsonEncodedText.Encode("style");
        public static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Pressure = JsonEncodedText.Encode("pressure");
        public static readonly JsonEncodedText FocusAreas = JsonEncodedText.Encode("focusAreas");
        public static readonly JsonEncodedText Rationale = JsonEncodedText.Encode("rationale");
        public static readonly JsonEncodedText RuleIds = JsonEncodedText.Encode("ruleIds");

        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Therapy = JsonEncodedText.Encode("therapy");

        public static readonly JsonEncodedText CurrentPhase = JsonEncodedText.Encode("currentPhase");
        public static readonly JsonEncodedText Phases = JsonEncodedText.Encode("phases");
        public static readonly JsonEncodedText Phase = JsonEncodedText.Encode("phase");
        public static readonly JsonEncodedText MinSessions = JsonEncodedText.Encode("minSessions");
        public static readonly JsonEncodedText MaxSessions = JsonEncodedText.Encode("maxSessions");
        public static readonly JsonEncodedText PeriodWeeks = JsonEncodedText.Encode("periodWeeks");
        public static readonly JsonEncodedText MinWeeks = JsonEncodedText.Encode("minWeeks");
        public static readonly JsonEncodedText MaxWeeks = JsonEncodedText.Encode("maxWeeks");
        public static readonly JsonEncodedText Goal = JsonEncodedText.Encode("goal");

        public static readonly JsonEncodedText Urgency = JsonEncodedText.Encode("urgency");
        public static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");

        public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");

        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
        public static readonly JsonEncodedText Layers = JsonEncodedText.Encode("layers");
    }

    private static JsonException NullProperty(string property, string type) =>
        new($"The property '{property}' on type '{type}' doesn't allow null values.");
}

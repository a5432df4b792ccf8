using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace SciaticaAdvisor.Serialization;

/// <summary>The JSON Schemas of the profile and the advice, generated from the C# types.</summary>
public static class JsonSchemas
{
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Lazy<string> ProfileSchema = new(() => Export(SciaticaJsonContext.Default.SymptomProfile, "SymptomProfile", requireAll: false));
    private static readonly Lazy<string> AdviceSchema = new(() => Export(SciaticaJsonContext.Default.MassageAdvice, "MassageAdvice", requireAll: true));

    /// <summary>The schema of a symptom profile (the input), as indented JSON.</summary>
    public static string Profile => ProfileSchema.Value;

    /// <summary>The schema of an advice (the output), as indented JSON.</summary>
    public static string Advice => AdviceSchema.Value;

    private static string Export(JsonTypeInfo typeInfo, string title, bool requireAll)
    {
        var options = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Refine(context, node, requireAll),
        };
        var schema = typeInfo.Options.GetJsonSchemaAsNode(typeInfo.Type, options).AsObject();
        var root = new JsonObject { ["$schema"] = Draft, ["title"] = title };
        foreach (var (key, value) in schema.ToArray())
        {
            schema.Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Refine(JsonSchemaExporterContext context, JsonNode node, bool requireAll)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (context.PropertyInfo is null && schema["properties"] is JsonObject properties)
        {
            // The contract rejects unknown properties; every output property is always written.
            schema["additionalProperties"] = false;
            if (requireAll)
            {
                schema["required"] = new JsonArray([.. properties
                    .Where(p => !IsOptionalOutput(context.TypeInfo, p.Key))
                    .Select(p => (JsonNode)p.Key)]);
            }
        }

        if (context.PropertyInfo is { } property && property.DeclaringType == typeof(Profiles.SymptomProfile)
            && Profiles.ProfileFields.Find(property.Name) is { Minimum: { } minimum, Maximum: { } maximum })
        {
            schema["minimum"] = JsonValue.Create(minimum);
            schema["maximum"] = JsonValue.Create(maximum);
        }

        if (!requireAll && context.PropertyInfo is { IsRequired: false } && schema["type"] is JsonValue single)
        {
            // The contract reads null as "not given" for every optional input property.
            schema["type"] = new JsonArray(single.GetValue<string>(), "null");
        }

        if (schema["type"] is JsonNode type && type.ToJsonString().Contains("\"array\"", StringComparison.Ordinal)
            && context.TypeInfo.Type.Name.StartsWith("ImmutableHashSet", StringComparison.Ordinal))
        {
            schema["uniqueItems"] = true;
        }

        return schema;
    }

    private static bool IsOptionalOutput(JsonTypeInfo typeInfo, string propertyName) =>
        typeInfo.Properties.Any(p => p.Name == propertyName && p.ShouldSerialize is not null);
}

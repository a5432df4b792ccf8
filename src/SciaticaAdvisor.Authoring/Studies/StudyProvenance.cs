using System.Buffers;
using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Studies;

/// <summary>What a study's output was made from: the study file's hash, the shard, and each variant's spec and rule-set layers with their hashes.</summary>
internal static class StudyProvenance
{
    public const string Prefix = "sciatica-advisor.";

    /// <summary>The Parquet file's key-value metadata: the provenance as JSON, and its main facts as keys of their own.</summary>
    /// <param name="study">The study.</param>
    /// <param name="shard">The shard written, or <see langword="null"/> for the whole study.</param>
    /// <param name="population">For a file population, the file as the study names it and the SHA-256 of its bytes.</param>
    public static Dictionary<string, string> Metadata(Study study, StudyShard? shard, (string File, string Sha256)? population)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Prefix + "study.name"] = study.Name,
            [Prefix + "study.file"] = Path.GetFileName(study.Source),
            [Prefix + "study.sha256"] = study.Sha256,
            [Prefix + "shard"] = shard is null ? "1/1" : $"{shard.Number}/{shard.Count}",
            [Prefix + "provenance"] = Json(study, shard, population),
        };
        if (population is { } file)
        {
            metadata[Prefix + "population.sha256"] = file.Sha256;
        }

        return metadata;
    }

    public static string Json(Study study, StudyShard? shard, (string File, string Sha256)? population)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("study", study.Name);
            writer.WriteString("studyFile", Path.GetFileName(study.Source));
            writer.WriteString("studySha256", study.Sha256);
            writer.WriteString("population", study.PopulationKind);
            if (study.PopulationSize is { } size)
            {
                writer.WriteNumber("populationSize", size);
            }

            if (population is { } file)
            {
                writer.WriteString("populationFile", file.File);
                writer.WriteString("populationSha256", file.Sha256);
            }

            writer.WriteString("shard", shard is null ? "1/1" : $"{shard.Number}/{shard.Count}");
            writer.WriteString("tool", typeof(Study).Assembly.GetName().Version?.ToString() ?? "unknown");
            writer.WriteStartArray("variants");
            foreach (var variant in study.Compiled)
            {
                writer.WriteStartObject();
                writer.WriteString("name", variant.Spec.Name);
                writer.WriteString("ruleSetSha256", variant.RuleSetSha256);
                writer.WriteStartArray("rules");
                variant.Spec.Rules.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteStartObject("settings");
                foreach (var (key, value) in variant.Spec.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(key, value);
                }

                writer.WriteEndObject();
                writer.WriteStartArray("disable");
                variant.Spec.Disable.ToList().ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
                writer.WriteStartArray("layers");
                foreach (var layer in variant.Advisor.RuleSet.Layers ?? [variant.Advisor.RuleSet])
                {
                    Layer(writer, layer);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Layer(Utf8JsonWriter writer, RuleSetInfo layer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", layer.Name);
        writer.WriteString("version", layer.Version);
        writer.WriteString("sha256", layer.Sha256);
        writer.WriteEndObject();
    }
}

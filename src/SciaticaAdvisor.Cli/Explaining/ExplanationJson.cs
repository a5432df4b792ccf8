using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>
/// Writes <c>{"advice": …, "whyNot": [{"style","why","reason","rules":[{"ruleId","name"}]}]}</c>: the advice exactly
/// as <c>advise</c> writes it, beside the reasons for every style left out or lowered.
/// </summary>
/// <remarks>The relaxed encoder keeps the reasons readable; the output is never embedded in HTML.</remarks>
internal static class ExplanationJson
{
    public static string Write(MassageAdvice advice, IReadOnlyList<WhyNot> whyNot, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("advice");
            AdvisorJson.Serialize(writer, advice);
            writer.WriteStartArray("whyNot");
            foreach (var w in whyNot)
            {
                writer.WriteStartObject();
                writer.WriteString("style", Names.Of(w.Style));
                writer.WriteString("why", Names.Of(w.Kind));
                writer.WriteString("reason", w.Reason);
                writer.WriteStartArray("rules");
                foreach (var rule in w.Rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("ruleId", rule.RuleId);
                    writer.WriteString("name", rule.Name);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

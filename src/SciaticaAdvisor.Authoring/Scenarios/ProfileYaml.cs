using System.Text.Json;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Loading;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Scenarios;

/// <summary>
/// Turns a scenario's <c>profile</c> mapping into JSON and reads it with <see cref="ProfileReader"/>,
/// so a scenario's profile is checked exactly as strictly as any input; errors point at the YAML line.
/// </summary>
internal sealed partial class ProfileYaml(YamlNodes nodes)
{
    private readonly Dictionary<string, YamlNode> _positions = new(StringComparer.Ordinal);

    public SymptomProfile Read(YamlNode node)
    {
        var mapping = nodes.Mapping(node, "'profile'");
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in mapping.Entries)
            {
                var name = nodes.Scalar(key, "a profile property name");
                _positions.TryAdd(ContractNames.PropertyPath(name), key);
                writer.WritePropertyName(name);
                WriteValue(writer, value, name);
            }

            writer.WriteEndObject();
        }

        var result = ProfileReader.TryRead(json.ToArray());
        if (result.IsValid)
        {
            return result.Profile;
        }

        var first = result.Errors[0];
        var at = _positions.GetValueOrDefault(first.Path) ?? mapping;
        throw nodes.Fail(at, "the profile is not valid: " + string.Join("; ", result.Errors));
    }

    private void WriteValue(Utf8JsonWriter writer, YamlNode node, string property)
    {
        switch (node)
        {
            case YamlSequence sequence:
                writer.WriteStartArray();
                var index = 0;
                foreach (var child in sequence.Items)
                {
                    _positions.TryAdd(ContractNames.ElementPath(property, index++), child);
                    WriteValue(writer, child, property + "[]");
                }

                writer.WriteEndArray();
                break;
            case YamlMapping inner:
                writer.WriteStartObject();
                foreach (var (key, value) in inner.Entries)
                {
                    writer.WritePropertyName(nodes.Scalar(key, "a key"));
                    WriteValue(writer, value, property + ".");
                }

                writer.WriteEndObject();
                break;
            case YamlScalar scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw nodes.Fail(node, "unsupported YAML value");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Plain)
        {
            writer.WriteStringValue(text);
        }
        else if (text is "" or "~" or "null")
        {
            writer.WriteNullValue();
        }
        else if (text is "true" or "false")
        {
            writer.WriteBooleanValue(text == "true");
        }
        else if (JsonNumber().IsMatch(text))
        {
            // Written as the JSON number it spells, so that 3.0 or 1e1 meet the reader's integer check.
            writer.WriteRawValue(text);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}

using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Reading;

/// <summary>Parses FHIR JSON into a resource within bounds, turning every problem into an error that names where, never what was written.</summary>
internal static class FhirJsonInput
{
    /// <summary>The largest document read, as everywhere else in the project.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The deepest nesting accepted; a searchset of grouped responses needs about a dozen levels.</summary>
    public const int MaxDepth = 64;

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings());

    public static Resource? Parse(ReadOnlySpan<byte> utf8, List<ProfileError> errors)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.Length > MaxBytes)
        {
            errors.Add(new("$", $"the document is longer than {MaxBytes} bytes (1 MiB)"));
            return null;
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(new("$", "the document is empty; expected a FHIR resource as a JSON object"));
            return null;
        }

        var options = new JsonReaderOptions { MaxDepth = MaxDepth + 1 };
        if (!CheckSyntax(utf8, options, errors))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, options);
            if (Deserializer.TryDeserializeResource(reader, out var resource, out var issues))
            {
                return resource;
            }

            errors.AddRange(issues.Select(Describe));
            return errors.Count > 0 ? null : resource;
        }
#pragma warning disable CA1031 // A reader of untrusted input answers with errors, never an exception.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new("$", $"not a FHIR resource this reader can parse ({ex.GetType().Name})"));
            return null;
        }
    }

    public static Resource? Parse(string json, List<ProfileError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            errors.Add(new("$", $"the document is longer than {MaxBytes} bytes (1 MiB)"));
            return null;
        }

        return Parse(Encoding.UTF8.GetBytes(json), errors);
    }

    private static bool CheckSyntax(ReadOnlySpan<byte> utf8, JsonReaderOptions options, List<ProfileError> errors)
    {
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new("$", "must be a FHIR resource as a JSON object"));
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    errors.Add(new("$", $"nested deeper than {MaxDepth} levels at line {Line(utf8, reader.TokenStartIndex)}"));
                    return false;
                }
            }

            return true;
        }
        catch (JsonException ex)
        {
            // The reader's own message quotes the input; only where it failed is reported.
            errors.Add(new("$", $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}"));
            return false;
        }
    }

    private static long Line(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;

    private static ProfileError Describe(CodedException issue)
    {
        var path = "$";
        var where = string.Empty;
        if (issue is ExtendedCodedException extended)
        {
            if (!string.IsNullOrEmpty(extended.InstancePath) && !extended.InstancePath.StartsWith("$this", StringComparison.Ordinal)
                && !extended.InstancePath.StartsWith("UnnamedResource", StringComparison.Ordinal))
            {
                path = extended.InstancePath;
            }

            where = extended.LineNumber is { } line ? $" (line {line}, position {extended.Position})" : string.Empty;
        }

        // Firely's messages quote the offending value, which may be health data: say what kind of problem it is instead.
        var what = issue.ErrorCode switch
        {
            "PVAL116" => "is not one of the codes FHIR allows here",
            "PVAL123" or "PVAL124" or "PVAL125" => "has a value of the wrong type or format for this element",
            "PVAL128" => "is not an element FHIR defines here",
            "PVAL129" => "is an empty element; FHIR does not allow empty objects or arrays",
            "PVAL130" => "names a resource type FHIR R4 does not have",
            "JSON103" => "has no resourceType; expected a FHIR resource",
            "JSON129" => "gives a property twice",
            _ => $"is not valid FHIR JSON (Firely {issue.ErrorCode})",
        };
        return new ProfileError(path, what + where);
    }
}

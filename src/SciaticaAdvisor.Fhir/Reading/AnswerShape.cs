using Hl7.Fhir.Model;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Reading;

/// <summary>The FHIR side of judging an answer: its value type and coding system; and which field a core reader's JSON path names.</summary>
internal static class AnswerShape
{
    /// <summary>What is wrong with an answer's FHIR shape, or <see langword="null"/> when the core reader can judge its value.</summary>
    public static string? Problem(ProfileField field, DataType? value)
    {
        var expected = field.Kind switch
        {
            ProfileFieldKind.Choice or ProfileFieldKind.Set => "valueCoding",
            ProfileFieldKind.Number => "valueInteger",
            _ => "valueBoolean",
        };
        var ok = (field.Kind, value) switch
        {
            (ProfileFieldKind.Choice or ProfileFieldKind.Set, Coding) => true,
            (ProfileFieldKind.Number, Integer { Value: not null }) => true,
            (ProfileFieldKind.Boolean, FhirBoolean { Value: not null }) => true,
            _ => false,
        };
        if (!ok)
        {
            return value is null
                ? $"has no value; expected {expected}"
                : $"must be {expected}, was value{char.ToUpperInvariant(value.TypeName[0])}{value.TypeName[1..]}";
        }

        if (value is Coding coding)
        {
            if (coding.System != IntakeQuestionnaire.CodeSystemUrl)
            {
                return coding.System is null
                    ? $"the coding has no system; expected {IntakeQuestionnaire.CodeSystemUrl}"
                    : $"the coding is of another system; expected {IntakeQuestionnaire.CodeSystemUrl}";
            }

            if (string.IsNullOrEmpty(coding.Code))
            {
                return "the coding has no code; expected one of " + string.Join(", ", field.Codes);
            }
        }

        return null;
    }

    /// <summary>Splits <c>$.symptoms[2]</c> into the field and the element index.</summary>
    public static (ProfileField? Field, int? Element) FieldOf(string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return (null, null);
        }

        var rest = path[2..];
        var bracket = rest.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? rest : rest[..bracket];
        int? element = bracket >= 0 && int.TryParse(rest[(bracket + 1)..^1], out var index) ? index : null;
        return (ProfileFields.Find(name), element);
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>One value a study gives a profile field, checked against <see cref="ProfileFields"/>, with where the study file wrote it.</summary>
/// <param name="Field">The field.</param>
/// <param name="Json">The value as the contract's JSON writes it: a code, a number, a boolean, a list of codes, or <see langword="null"/> for "not given".</param>
/// <param name="Line">The line of the value in the study file.</param>
/// <param name="Column">The column of the value in the study file.</param>
internal sealed record GridValue(ProfileField Field, object? Json, int Line, int Column)
{
    /// <summary>The value as the output columns and the summary write it: codes, digits, <c>true</c>, a set's codes joined with <c>;</c>.</summary>
    public string Label => Json switch
    {
        null => "(not given)",
        ImmutableArray<string> { IsEmpty: true } => "(none)",
        ImmutableArray<string> codes => string.Join(";", codes),
        bool b => b ? "true" : "false",
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => (string)Json,
    };

    /// <summary>Writes the property, or nothing for "not given".</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Json)
        {
            case null:
                return;
            case string code:
                writer.WriteString(Field.Name, code);
                break;
            case int number:
                writer.WriteNumber(Field.Name, number);
                break;
            case bool flag:
                writer.WriteBoolean(Field.Name, flag);
                break;
            case ImmutableArray<string> codes:
                writer.WriteStartArray(Field.Name);
                foreach (var code in codes)
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
                break;
        }
    }
}

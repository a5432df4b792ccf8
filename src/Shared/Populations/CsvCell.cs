using System.Text.Json;
using System.Text.RegularExpressions;

namespace SciaticaAdvisor.Populations;

/// <summary>What a profile column holds, which decides how its cells become JSON.</summary>
internal enum CsvCellKind
{
    Name,
    Integer,
    Boolean,
    Set,
}

/// <summary>Writes one CSV cell as the JSON property it stands for; the reader then judges it like any JSON.</summary>
internal static partial class CsvCell
{
    /// <summary>An empty cell is "not given"; anything else is written so the reader can judge it and name it.</summary>
    public static void Write(Utf8JsonWriter writer, string name, CsvCellKind kind, string cell)
    {
        if (cell.Length == 0)
        {
            return;
        }

        writer.WritePropertyName(name);
        switch (kind)
        {
            // A number or boolean goes in as written, so 3.5 or 1e1 meet the reader's own message;
            // anything else becomes a string, which the reader reports as the wrong type.
            case CsvCellKind.Integer when JsonNumber().IsMatch(cell):
            case CsvCellKind.Boolean when cell is "true" or "false":
                writer.WriteRawValue(cell);
                break;
            case CsvCellKind.Set:
                writer.WriteStartArray();
                foreach (var value in cell.Split(';'))
                {
                    writer.WriteStringValue(value.Trim());
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(cell);
                break;
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}

using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// A CSV header checked against the profile's properties, and each record turned into the profile
/// JSON it stands for, so the reader judges CSV and JSON Lines alike and reports the same paths.
/// </summary>
internal sealed partial class CsvProfileColumns
{
    private static readonly (string Name, CellKind Kind)[] Columns =
    [
        ("cause", CellKind.Name),
        ("flare", CellKind.Name),
        ("painSensitivity", CellKind.Name),
        ("painIntensity", CellKind.Integer),
        ("symptomWeeks", CellKind.Integer),
        ("symptoms", CellKind.Set),
        ("redFlags", CellKind.Set),
        ("conditions", CellKind.Set),
        ("diagnosisConfirmed", CellKind.Boolean),
        ("clinicianApproved", CellKind.Boolean),
        ("weeksInTreatment", CellKind.Integer),
        ("avoidStyles", CellKind.Set),
    ];

    private static readonly FrozenDictionary<string, CellKind> Kinds =
        Columns.ToFrozenDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);

    private static readonly string[] Required = ["cause", "flare", "painSensitivity", "painIntensity"];

    private static readonly string Expected = string.Join(", ", Columns.Select(c => c.Name));

    private readonly string[] _names;

    private CsvProfileColumns(string[] names) => _names = names;

    private enum CellKind
    {
        Name,
        Integer,
        Boolean,
        Set,
    }

    /// <summary>The column names the header may use, in the contract's order.</summary>
    public static IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>Checks a header row; returns every problem with it, or the columns.</summary>
    public static CsvProfileColumns Parse(CsvRecord? header, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        if (header is null)
        {
            problems = ["the file is empty; expected a header row naming the columns"];
            return new([]);
        }

        if (header.Problem is not null)
        {
            problems = [$"line {header.Line}: {header.Problem}"];
            return new([]);
        }

        var names = header.Cells.Select((cell, i) => (i == 0 ? cell.TrimStart('\uFEFF') : cell).Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!Kinds.ContainsKey(name))
            {
                found.Add($"unknown column {Quoted(name)}; expected one of {Expected}");
            }
            else if (!seen.Add(name))
            {
                found.Add($"column '{name}' given twice; each column may appear once");
            }
        }

        found.AddRange(Required.Where(r => !seen.Contains(r)).Select(r => $"missing required column '{r}'"));
        problems = found;
        return new(names);
    }

    /// <summary>Turns a record into the batch item for its line.</summary>
    public BatchItem ToItem(CsvRecord record)
    {
        if (record.Problem is not null)
        {
            return BatchItem.Rejected(record.Line, record.Problem);
        }

        if (record.IsBlank)
        {
            return BatchItem.Rejected(record.Line, "empty line");
        }

        if (record.Cells.Count != _names.Length)
        {
            return BatchItem.Rejected(record.Line, $"the record has {record.Cells.Count} cells; the header has {_names.Length} columns");
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < _names.Length; i++)
            {
                WriteCell(writer, _names[i], record.Cells[i].Trim());
            }

            writer.WriteEndObject();
        }

        return BatchItem.Document(record.Line, buffer.WrittenSpan.ToArray());
    }

    /// <summary>An empty cell is "not given"; anything else is written so the reader can judge it and name it.</summary>
    private static void WriteCell(Utf8JsonWriter writer, string name, string cell)
    {
        if (cell.Length == 0)
        {
            return;
        }

        writer.WritePropertyName(name);
        switch (Kinds[name])
        {
            case CellKind.Integer when JsonNumber().IsMatch(cell):
            case CellKind.Boolean when cell is "true" or "false":
                writer.WriteRawValue(cell);
                break;
            case CellKind.Set:
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

    /// <summary>A header cell for an error line: cut short, control characters escaped, so one error stays one line.</summary>
    private static string Quoted(string name)
    {
        var cut = name.Length <= 40 ? name : name[..40] + "…";
        return "'" + string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'";
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}

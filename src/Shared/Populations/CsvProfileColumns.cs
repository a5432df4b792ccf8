using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Populations;

/// <summary>
/// A CSV header checked against the profile's properties, and each record turned into the profile
/// JSON it stands for, so the reader judges CSV and JSON Lines alike and reports the same paths.
/// </summary>
internal sealed class CsvProfileColumns
{
    private static readonly (string Name, CsvCellKind Kind)[] Columns =
        [.. ProfileFields.All.Select(f => (f.Name, f.Kind switch
        {
            ProfileFieldKind.Choice => CsvCellKind.Name,
            ProfileFieldKind.Number => CsvCellKind.Integer,
            ProfileFieldKind.Boolean => CsvCellKind.Boolean,
            _ => CsvCellKind.Set,
        }))];

    private static readonly FrozenDictionary<string, CsvCellKind> Kinds =
        Columns.ToFrozenDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);

    private static readonly string[] Required = [.. ProfileFields.All.Where(f => f.IsRequired).Select(f => f.Name)];

    private static readonly string Expected = string.Join(", ", Columns.Select(c => c.Name));

    private readonly string[] _names;

    private CsvProfileColumns(string[] names) => _names = names;

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
                CsvCell.Write(writer, _names[i], Kinds[_names[i]], record.Cells[i].Trim());
            }

            writer.WriteEndObject();
        }

        return BatchItem.Document(record.Line, buffer.WrittenSpan.ToArray());
    }

    /// <summary>A header cell for an error line: cut short, control characters escaped, so one error stays one line.</summary>
    private static string Quoted(string name)
    {
        var cut = name.Length <= 40 ? name : name[..40] + "…";
        return "'" + string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "'";
    }
}

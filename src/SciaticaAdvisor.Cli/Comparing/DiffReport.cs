using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Cli.Comparing;

/// <summary>Writes a <see cref="DiffTally"/> as a text summary for people or as one JSON object for machines.</summary>
/// <remarks>Only counts, names from the contract and line numbers: never a profile's content.</remarks>
internal static class DiffReport
{
    private static readonly (ChangeKind Kind, string Title, string JsonName)[] Sections =
    [
        (ChangeKind.Status, "status", "status"),
        (ChangeKind.TopStyle, "top style", "topStyle"),
        (ChangeKind.ContraindicationAdded, "contraindications added", "contraindicationsAdded"),
        (ChangeKind.ContraindicationRemoved, "contraindications removed", "contraindicationsRemoved"),
        (ChangeKind.Phase, "phase", "phase"),
        (ChangeKind.ReferralUrgency, "referral urgency", "referralUrgency"),
        (ChangeKind.Other, "other changes (scores, ranks, pressure, focus, adjuncts, notes, reasons)", "other"),
    ];

    public static string Text(DiffTally tally)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{tally.Profiles} profiles compared, {tally.Invalid} invalid lines{Lines(tally.InvalidExamples)}: ");
        text.Append(CultureInfo.InvariantCulture, $"{tally.Changed} advices change, {tally.Profiles - tally.Changed} the same\n");
        var changes = tally.Changes.ToList();
        foreach (var (kind, title, _) in Sections)
        {
            var rows = changes.Where(c => c.Change.Kind == kind).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            text.Append(title).Append(":\n");
            foreach (var (change, count, examples) in rows)
            {
                var what = kind switch
                {
                    ChangeKind.Other => "",
                    ChangeKind.ContraindicationAdded or ChangeKind.ContraindicationRemoved => $"{change.First}:{change.Second}: ",
                    _ => $"{change.First} -> {change.Second}: ",
                };
                text.Append(CultureInfo.InvariantCulture, $"  {what}{count}{Lines(examples)}\n");
            }
        }

        return text.ToString();
    }

    public static string Json(DiffTally tally)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("profiles", tally.Profiles);
            writer.WriteNumber("changed", tally.Changed);
            writer.WriteNumber("invalid", tally.Invalid);
            Examples(writer, "invalidExamples", tally.InvalidExamples);
            var changes = tally.Changes.ToList();
            foreach (var (kind, _, name) in Sections)
            {
                writer.WriteStartArray(name);
                foreach (var (change, count, examples) in changes.Where(c => c.Change.Kind == kind))
                {
                    writer.WriteStartObject();
                    if (kind is ChangeKind.ContraindicationAdded or ChangeKind.ContraindicationRemoved)
                    {
                        writer.WriteString("style", change.First);
                        writer.WriteString("level", change.Second);
                    }
                    else if (kind != ChangeKind.Other)
                    {
                        writer.WriteString("from", change.First);
                        writer.WriteString("to", change.Second);
                    }

                    writer.WriteNumber("count", count);
                    Examples(writer, "examples", examples);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Examples(Utf8JsonWriter writer, string name, IReadOnlyList<int> lines)
    {
        writer.WriteStartArray(name);
        foreach (var line in lines)
        {
            writer.WriteNumberValue(line);
        }

        writer.WriteEndArray();
    }

    private static string Lines(IReadOnlyList<int> examples) =>
        examples.Count == 0 ? "" : $" ({(examples.Count == 1 ? "line" : "lines")} {string.Join(", ", examples)})";
}

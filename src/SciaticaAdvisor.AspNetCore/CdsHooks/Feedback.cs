using System.Text.Json;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>Reads CDS Hooks 2.0 feedback just far enough to count it: each entry's card and outcome, nothing else kept.</summary>
internal static class Feedback
{
    public const int MaxEntries = 100;

    public static (int Accepted, int Overridden, List<ProfileError> Errors) Count(byte[] body)
    {
        var errors = new List<ProfileError>();
        int accepted = 0, overridden = 0;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new("$.feedback", "required: an array of feedback entries"));
                return (0, 0, errors);
            }

            if (list.GetArrayLength() > MaxEntries)
            {
                errors.Add(new("$.feedback", $"at most {MaxEntries} entries a call"));
                return (0, 0, errors);
            }

            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var path = $"$.feedback[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("card", out var card) || card.ValueKind != JsonValueKind.String)
                {
                    errors.Add(new(path + ".card", "required: the uuid of the card"));
                    continue;
                }

                var outcome = entry.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
                switch (outcome)
                {
                    case "accepted": accepted++; break;
                    case "overridden": overridden++; break;
                    default: errors.Add(new(path + ".outcome", "must be 'accepted' or 'overridden'")); break;
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new("$", $"not JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})"));
        }

        return (accepted, overridden, errors);
    }
}

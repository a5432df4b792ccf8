using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Intake;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Reading;

/// <summary>
/// The answers of one response gathered by field: each answer checked for its FHIR shape (type,
/// system, how many), then written as the contract's profile JSON for the core's reader to judge.
/// </summary>
/// <remarks>
/// The core's <see cref="ProfileReader"/> stays the one judge of values (codes, ranges, duplicates);
/// this sheet only turns FHIR answers into the JSON it reads, and remembers which answer became
/// which JSON path so its errors can name the answer.
/// </remarks>
internal sealed class AnswerSheet
{
    private readonly string _resourcePath;
    private readonly Dictionary<string, List<(DataType Value, int Index)>> _answers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _faulty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _jsonToAnswer = new(StringComparer.Ordinal);
    private readonly List<(int Order, ProfileError Error)> _errors = [];
    private static readonly HashSet<string> StructureLinkIds = new(
        IntakeGroup.All.Select(g => g.LinkId).Concat(ProfileFields.All.Select(f => IntakeItems.HelpLinkId(f.Name))), StringComparer.Ordinal);

    public AnswerSheet(string resourcePath) => _resourcePath = resourcePath;

    /// <summary>Adds an error about the response as a whole (its questionnaire, its status): listed first.</summary>
    public void AddResourceError(string path, string message) => _errors.Add((-1, new ProfileError(path, message)));

    /// <summary>Gathers the items, at the top or inside groups, and reports every item that is not the intake's.</summary>
    public void Gather(List<QuestionnaireResponse.ItemComponent> items, string parentPath)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (string.IsNullOrEmpty(item.LinkId))
            {
                Structure($"{parentPath}.item[{i}]", "has no linkId; every item names the intake item it answers");
                continue;
            }

            var path = ResponsePaths.Item(_resourcePath, item.LinkId);
            var field = ProfileFields.Find(item.LinkId);
            if (field is not null)
            {
                GatherField(field, item, path);
            }
            else if (StructureLinkIds.Contains(item.LinkId))
            {
                if (item.Answer.Count > 0)
                {
                    Structure(path, "is a group or display item of the intake and takes no answer");
                }
            }
            else
            {
                Structure(path, "is not an item of the intake; expected the linkIds of " + IntakeQuestionnaire.Url);
            }

            Gather(item.Item, path);
            foreach (var answer in item.Answer)
            {
                Gather(answer.Item, path);
            }
        }
    }

    /// <summary>Writes the well-formed answers as profile JSON.</summary>
    public byte[] ToProfileJson()
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var field in ProfileFields.All)
            {
                if (_answers.TryGetValue(field.Name, out var answers) && answers.Count > 0)
                {
                    Write(json, field, answers);
                }
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Every error: this sheet's and the core reader's, the latter's JSON paths turned into answer paths, in field order.</summary>
    public List<ProfileError> Errors(ProfileReadResult read)
    {
        var all = new List<(int Order, ProfileError Error)>(_errors);
        foreach (var error in read.Errors)
        {
            var (field, element) = ParseJsonPath(error.Path);
            if (field is null)
            {
                all.Add((-1, new ProfileError(_resourcePath, error.Message)));
            }
            else if (!_faulty.Contains(field.Name) || _jsonToAnswer.ContainsKey(field.Name))
            {
                // A field left out for its own errors is not also reported missing.
                all.Add((Order(field), new ProfileError(AnswerPath(field, element), error.Message)));
            }
        }

        return [.. all.OrderBy(e => e.Order).Select(e => e.Error)];
    }

    private void GatherField(ProfileField field, QuestionnaireResponse.ItemComponent item, string path)
    {
        if (_answers.ContainsKey(field.Name))
        {
            Fault(field, path, "appears more than once; each intake item is answered in one item");
            return;
        }

        var answers = new List<(DataType, int)>();
        _answers[field.Name] = answers;
        for (var i = 0; i < item.Answer.Count; i++)
        {
            var answerPath = ResponsePaths.Answer(path, i);
            if (i > 0 && field.Kind != ProfileFieldKind.Set)
            {
                Fault(field, answerPath, $"is a second answer; {field.Name} takes one answer, {item.Answer.Count} were given");
                continue;
            }

            if (Check(field, item.Answer[i].Value) is { } problem)
            {
                Fault(field, answerPath, problem);
                continue;
            }

            answers.Add((item.Answer[i].Value!, i)); // Check refused a missing value
        }
    }

    /// <summary>What is wrong with an answer's FHIR shape, or <see langword="null"/> when the core reader can judge its value.</summary>
    private static string? Check(ProfileField field, DataType? value)
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

    private void Write(Utf8JsonWriter json, ProfileField field, List<(DataType Value, int Index)> answers)
    {
        json.WritePropertyName(field.Name);
        switch (field.Kind)
        {
            case ProfileFieldKind.Set:
                json.WriteStartArray();
                foreach (var (value, _) in answers)
                {
                    json.WriteStringValue(((Coding)value).Code);
                }

                json.WriteEndArray();
                _jsonToAnswer[field.Name] = [.. answers.Select(a => a.Index)];
                break;
            case ProfileFieldKind.Choice:
                json.WriteStringValue(((Coding)answers[0].Value).Code);
                break;
            case ProfileFieldKind.Number:
                json.WriteNumberValue(((Integer)answers[0].Value).Value!.Value);
                break;
            default:
                json.WriteBooleanValue(((FhirBoolean)answers[0].Value).Value!.Value);
                break;
        }

        _jsonToAnswer.TryAdd(field.Name, [answers[0].Index]);
    }

    private string AnswerPath(ProfileField field, int? element)
    {
        var itemPath = ResponsePaths.Item(_resourcePath, field.Name);
        if (!_jsonToAnswer.TryGetValue(field.Name, out var indexes))
        {
            return itemPath; // not answered: the core says it is required
        }

        return element is { } e && e < indexes.Count
            ? ResponsePaths.Answer(itemPath, indexes[e])
            : field.Kind == ProfileFieldKind.Set ? itemPath : ResponsePaths.Answer(itemPath, indexes[0]);
    }

    /// <summary>Splits <c>$.symptoms[2]</c> into the field and the element index.</summary>
    private static (ProfileField? Field, int? Element) ParseJsonPath(string path)
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

    private static int Order(ProfileField field) => ProfileFields.All.IndexOf(field);

    private void Fault(ProfileField field, string path, string message)
    {
        _faulty.Add(field.Name);
        _errors.Add((Order(field), new ProfileError(path, message)));
    }

    private void Structure(string path, string message) => _errors.Add((int.MaxValue, new ProfileError(path, message)));
}

using System.Collections;
using Hl7.Fhir.Model;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Support;

/// <summary>Writes a profile as a response to the intake the way a form renderer would, from the field descriptor (no second list of fields).</summary>
internal static class ResponseBuilder
{
    /// <summary>A completed response with the answers inside the Questionnaire's groups.</summary>
    public static QuestionnaireResponse Grouped(SymptomProfile profile)
    {
        var response = Empty();
        foreach (var group in IntakeQuestionnaire.Create().Item)
        {
            var answered = group.Item.Select(q => ProfileFields.Find(q.LinkId!)!).Select(f => Item(f, profile)).OfType<QuestionnaireResponse.ItemComponent>().ToList();
            if (answered.Count > 0)
            {
                response.Item.Add(new QuestionnaireResponse.ItemComponent { LinkId = group.LinkId, Text = group.Text, Item = answered });
            }
        }

        return response;
    }

    /// <summary>A completed response with every answer at the top level.</summary>
    public static QuestionnaireResponse Flat(SymptomProfile profile)
    {
        var response = Empty();
        response.Item = [.. ProfileFields.All.Select(f => Item(f, profile)).OfType<QuestionnaireResponse.ItemComponent>()];
        return response;
    }

    public static QuestionnaireResponse Empty() => new()
    {
        Questionnaire = IntakeQuestionnaire.Url + "|" + IntakeQuestionnaire.Version,
        Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        Authored = "2026-11-30T10:00:00Z",
    };

    public static Coding Code(string code) => new(IntakeQuestionnaire.CodeSystemUrl, code);

    private static QuestionnaireResponse.ItemComponent? Item(ProfileField field, SymptomProfile profile)
    {
        var value = field.GetValue(profile);
        List<DataType> answers = (field.Kind, value) switch
        {
            (_, null) => [],
            (ProfileFieldKind.Choice, Enum choice) => [Code(CodeOf(field, choice))],
            (ProfileFieldKind.Set, IEnumerable set) => [.. set.Cast<Enum>().OrderBy(e => e).Select(e => Code(CodeOf(field, e)))],
            (ProfileFieldKind.Number, int n) => [new Integer(n)],
            (ProfileFieldKind.Boolean, bool b) => [new FhirBoolean(b)],
            _ => throw new InvalidOperationException($"{field.Name}: {value}"),
        };
        return answers.Count == 0 ? null : new QuestionnaireResponse.ItemComponent
        {
            LinkId = field.Name,
            Answer = [.. answers.Select(a => new QuestionnaireResponse.AnswerComponent { Value = a })],
        };
    }

    private static string CodeOf(ProfileField field, Enum value) => field.Codes[Array.IndexOf(Enum.GetValues(field.EnumType!), value)];
}

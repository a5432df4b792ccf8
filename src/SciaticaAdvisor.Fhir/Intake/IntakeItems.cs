using Hl7.Fhir.Model;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>Builds the intake's items from <see cref="ProfileFields.All"/>: one answerable item per field, inside its section's group.</summary>
internal static class IntakeItems
{
    /// <summary>LOINC 72514-3: pain severity on the 0-10 numeric rating scale.</summary>
    private static readonly Coding PainSeverity = new(FhirUrls.Loinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");

    public static List<Questionnaire.ItemComponent> Groups()
    {
        var byGroup = ProfileFields.All.ToLookup(f => QuestionOf(f).Group);
        return
        [
            .. IntakeGroup.All.Where(g => byGroup[g].Any()).Select(g => new Questionnaire.ItemComponent
            {
                LinkId = g.LinkId,
                Text = g.Title,
                Type = Questionnaire.QuestionnaireItemType.Group,
                Item = [.. byGroup[g].Select(Question)],
            }),
        ];
    }

    /// <summary>The linkId of a field's help item.</summary>
    public static string HelpLinkId(string field) => field + "-help";

    public static IntakeQuestion QuestionOf(ProfileField field) =>
        IntakeQuestions.ByField.TryGetValue(field.Name, out var question)
            ? question
            : throw new InvalidOperationException($"The profile field '{field.Name}' has no question in IntakeQuestions.");

    private static Questionnaire.ItemComponent Question(ProfileField field)
    {
        var question = QuestionOf(field);
        var item = new Questionnaire.ItemComponent
        {
            LinkId = field.Name,
            Text = question.Text,
            Required = field.IsRequired ? true : null,
            Item = [Help(field.Name, question.Help)],
        };
        switch (field.Kind)
        {
            case ProfileFieldKind.Choice or ProfileFieldKind.Set:
                item.Type = Questionnaire.QuestionnaireItemType.Choice;
                item.Repeats = field.Kind == ProfileFieldKind.Set ? true : null;
                item.AnswerOption = [.. IntakeCodes.Of(field).Select(c => new Questionnaire.AnswerOptionComponent { Value = c.ToCoding() })];
                item.Extension.Add(Control(field.Kind == ProfileFieldKind.Set ? "check-box" : "radio-button"));
                break;
            case ProfileFieldKind.Number:
                item.Type = Questionnaire.QuestionnaireItemType.Integer;
                item.Extension.Add(new Extension(FhirUrls.MinValue, new Integer(field.Minimum)));
                item.Extension.Add(new Extension(FhirUrls.MaxValue, new Integer(field.Maximum)));
                break;
            case ProfileFieldKind.Boolean:
                item.Type = Questionnaire.QuestionnaireItemType.Boolean;
                break;
            default:
                throw new InvalidOperationException($"The profile field '{field.Name}' is of a kind the intake cannot ask: {field.Kind}.");
        }

        if (field.Name == "painIntensity")
        {
            item.Code = [PainSeverity];
        }

        return item;
    }

    private static Questionnaire.ItemComponent Help(string field, string text) => new()
    {
        LinkId = HelpLinkId(field),
        Text = text,
        Type = Questionnaire.QuestionnaireItemType.Display,
        Extension = [Control("help")],
    };

    private static Extension Control(string code) =>
        new(FhirUrls.ItemControl, new CodeableConcept(FhirUrls.ItemControlSystem, code));
}

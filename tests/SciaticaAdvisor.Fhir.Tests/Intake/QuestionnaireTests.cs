using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Intake;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Intake;

/// <summary>The intake Questionnaire has one answerable item per profile field, shaped as CONTRACT section 4 says.</summary>
public sealed class QuestionnaireTests
{
    private static readonly Questionnaire Form = IntakeQuestionnaire.Create();

    public static TheoryData<string> FieldNames => new(ProfileFields.All.Select(f => f.Name));

    private static List<Questionnaire.ItemComponent> AllItems(IEnumerable<Questionnaire.ItemComponent> items) =>
        [.. items.SelectMany(i => AllItems(i.Item).Prepend(i))];

    private static Questionnaire.ItemComponent ItemOf(string linkId) => AllItems(Form.Item).Single(i => i.LinkId == linkId);

    [Fact]
    public void Questionnaire_IsActive_WithTheCanonicalUrlAndVersion()
    {
        Form.Status.Should().Be(PublicationStatus.Active);
        Form.Url.Should().Be(IntakeQuestionnaire.Url);
        Form.Version.Should().Be(IntakeQuestionnaire.Version).And.NotBeNullOrEmpty();
    }

    [Fact]
    public void AnswerableItems_AreExactlyTheProfileFields_InFieldOrder()
    {
        var answerable = AllItems(Form.Item)
            .Where(i => i.Type is not (Questionnaire.QuestionnaireItemType.Group or Questionnaire.QuestionnaireItemType.Display))
            .Select(i => i.LinkId);

        answerable.Should().BeEquivalentTo(ProfileFields.All.Select(f => f.Name));
    }

    [Fact]
    public void LinkIds_AreUnique()
    {
        AllItems(Form.Item).Select(i => i.LinkId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void EveryField_HasAQuestionAndHelp()
    {
        ProfileFields.All.Where(f => !IntakeQuestions.ByField.ContainsKey(f.Name)).Select(f => f.Name)
            .Should().BeEmpty("every profile field needs its question and help text in IntakeQuestions");
        IntakeQuestions.ByField.Keys.Should().OnlyContain(k => ProfileFields.Find(k) != null, "a question for a field that does not exist is stale");
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Item_HasTheFieldsKindRangeAndRequiredness(string name)
    {
        var field = ProfileFields.Find(name)!;
        var item = ItemOf(name);

        item.Required.GetValueOrDefault().Should().Be(field.IsRequired);
        item.Text.Should().NotBeNullOrWhiteSpace();
        item.Item.Should().ContainSingle(h => h.Type == Questionnaire.QuestionnaireItemType.Display).Which.Text.Should().NotBeNullOrWhiteSpace();
        switch (field.Kind)
        {
            case ProfileFieldKind.Choice or ProfileFieldKind.Set:
                item.Type.Should().Be(Questionnaire.QuestionnaireItemType.Choice);
                item.Repeats.GetValueOrDefault().Should().Be(field.Kind == ProfileFieldKind.Set);
                item.AnswerOption.Select(o => (Coding)o.Value).Should().OnlyContain(c => c.System == IntakeQuestionnaire.CodeSystemUrl && !string.IsNullOrWhiteSpace(c.Display));
                item.AnswerOption.Select(o => ((Coding)o.Value).Code).Should().Equal(field.Codes);
                break;
            case ProfileFieldKind.Number:
                item.Type.Should().Be(Questionnaire.QuestionnaireItemType.Integer);
                item.GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/minValue").Value.Should().Be(field.Minimum);
                item.GetExtensionValue<Integer>("http://hl7.org/fhir/StructureDefinition/maxValue").Value.Should().Be(field.Maximum);
                break;
            default:
                item.Type.Should().Be(Questionnaire.QuestionnaireItemType.Boolean);
                break;
        }
    }

    [Fact]
    public void RequiredItems_AreTheFourRequiredFields()
    {
        AllItems(Form.Item).Where(i => i.Required == true).Select(i => i.LinkId)
            .Should().BeEquivalentTo(["cause", "flare", "painSensitivity", "painIntensity"]);
    }

    [Fact]
    public void PainIntensity_CarriesLoinc72514_3()
    {
        ItemOf("painIntensity").Code.Should().ContainSingle(c => c.System == "http://loinc.org" && c.Code == "72514-3");
    }

    [Fact]
    public void OptionDisplays_ComeFromPlainWords()
    {
        var option = ItemOf("redFlags").AnswerOption.Select(o => (Coding)o.Value).Single(c => c.Code == "saddleAnesthesia");

        option.Display.Should().Be(PlainWords.Display(RedFlag.SaddleAnesthesia));
    }

    [Fact]
    public void Items_SitInGroups_InTheOrderAnIntakeIsAsked()
    {
        Form.Item.Should().OnlyContain(i => i.Type == Questionnaire.QuestionnaireItemType.Group);
        Form.Item.Select(g => g.LinkId).Should().Equal(IntakeGroup.All.Select(g => g.LinkId));
        Form.Item[0].Item.Select(i => i.LinkId).Should().StartWith(["cause", "flare", "painSensitivity", "painIntensity"]);
        Form.Item.Single(g => g.LinkId == "warningSigns").Item.Select(i => i.LinkId).Should().Equal("redFlags");
    }

    [Fact]
    public void Create_ReturnsANewResourceEachTime()
    {
        var first = IntakeQuestionnaire.Create();
        first.Item.Clear();

        IntakeQuestionnaire.Create().Item.Should().NotBeEmpty();
    }
}

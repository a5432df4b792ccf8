using Hl7.Fhir.Model;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Intake;

/// <summary>The CodeSystem holds every code the intake's choices offer, once, in plain words.</summary>
public sealed class CodeSystemTests
{
    private static readonly CodeSystem Codes = IntakeQuestionnaire.CreateCodeSystem();

    [Fact]
    public void CodeSystem_IsActiveAndComplete_AtItsCanonicalUrl()
    {
        Codes.Url.Should().Be(IntakeQuestionnaire.CodeSystemUrl);
        Codes.Version.Should().Be(IntakeQuestionnaire.Version);
        Codes.Status.Should().Be(PublicationStatus.Active);
        Codes.Content.Should().Be(CodeSystemContentMode.Complete);
        Codes.CaseSensitive.Should().BeTrue();
        Codes.Count.Should().Be(Codes.Concept.Count);
    }

    [Fact]
    public void CodeSystem_HasEveryCodeOfEveryChoiceField_Once()
    {
        var expected = ProfileFields.All.SelectMany(f => f.Codes).Distinct();

        Codes.Concept.Select(c => c.Code).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
    }

    [Fact]
    public void CodesOfDifferentFields_NeverCollide()
    {
        // One system for every option means a code must name one value only.
        var owners = ProfileFields.All.Where(f => f.EnumType is not null)
            .SelectMany(f => f.Codes.Select(c => (Code: c, f.EnumType)))
            .Distinct()
            .GroupBy(x => x.Code)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);

        owners.Should().BeEmpty();
    }

    [Fact]
    public void EveryConcept_HasTheDisplayAndDefinitionOfPlainWords()
    {
        var concept = Codes.Concept.Single(c => c.Code == "lomiLomi");

        concept.Display.Should().Be(PlainWords.Display(Advice.MassageStyle.LomiLomi));
        concept.Definition.Should().Be(PlainWords.Definition(Advice.MassageStyle.LomiLomi));
        Codes.Concept.Should().OnlyContain(c => !string.IsNullOrWhiteSpace(c.Display) && !string.IsNullOrWhiteSpace(c.Definition));
    }
}

using SciaticaAdvisor.Fhir.Tests.Support;

namespace SciaticaAdvisor.Fhir.Tests.Intake;

/// <summary>The published resources validate against base FHIR R4 with Firely's validator.</summary>
public sealed class IntakeValidationTests
{
    [Fact]
    public void Questionnaire_ValidatesWithoutErrors()
    {
        R4Validator.Errors(IntakeQuestionnaire.Create()).Should().BeEmpty();
    }

    [Fact]
    public void CodeSystem_ValidatesWithoutErrors()
    {
        R4Validator.Errors(IntakeQuestionnaire.CreateCodeSystem()).Should().BeEmpty();
    }

    [Fact]
    public void Validator_FindsErrors_InABrokenQuestionnaire()
    {
        // A validator that finds nothing proves nothing: a group without items breaks que-1.
        var form = IntakeQuestionnaire.Create();
        form.Item[0].Item.Clear();
        form.Status = null;

        R4Validator.Errors(form).Should().NotBeEmpty();
    }
}

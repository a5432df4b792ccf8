using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;
using Status = Hl7.Fhir.Model.QuestionnaireResponse.QuestionnaireResponseStatus;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>Each kind of problem CONTRACT section 4 lists is an error whose path names the item by its linkId.</summary>
public sealed class ResponseErrorTests
{
    private static readonly SymptomProfile Valid = new()
    {
        Cause = SciaticaCause.PiriformisSyndrome,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Low,
        PainIntensity = 6,
        Symptoms = [Symptom.ButtockPain, Symptom.Tingling],
        DiagnosisConfirmed = true,
    };

    private static string PathOf(string linkId, int? answer = null) =>
        $"QuestionnaireResponse.item[linkId={linkId}]" + (answer is { } a ? $".answer[{a}]" : string.Empty);

    private static QuestionnaireResponse With(string linkId, params DataType[] answers)
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Item.RemoveAll(i => i.LinkId == linkId);
        response.Item.Add(new() { LinkId = linkId, Answer = [.. answers.Select(a => new QuestionnaireResponse.AnswerComponent { Value = a })] });
        return response;
    }

    private static IReadOnlyList<ProfileError> ErrorsOf(QuestionnaireResponse response)
    {
        var read = QuestionnaireResponseReader.Read(response);
        read.IsValid.Should().BeFalse();
        return read.Errors;
    }

    [Fact]
    public void CodingOfAnotherSystem_IsAnError_AtTheAnswer()
    {
        var errors = ErrorsOf(With("cause", new Coding("http://snomed.info/sct", "23056005")));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("cause", 0), $"the coding is of another system; expected {IntakeQuestionnaire.CodeSystemUrl}"));
    }

    [Fact]
    public void CodingWithoutSystem_IsAnError()
    {
        var errors = ErrorsOf(With("flare", new Coding(null, "acute")));

        errors.Should().ContainSingle().Which.Path.Should().Be(PathOf("flare", 0));
    }

    [Fact]
    public void UnknownCode_IsAnError_SayingWhatIsAllowed()
    {
        var errors = ErrorsOf(With("flare", ResponseBuilder.Code("acut")));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("flare", 0), "unknown value 'acut'; expected one of none, subsiding, acute"));
    }

    [Fact]
    public void UnknownCodeInASet_NamesItsAnswer()
    {
        var errors = ErrorsOf(With("symptoms", ResponseBuilder.Code("tingling"), ResponseBuilder.Code("headache")));

        errors.Should().ContainSingle().Which.Path.Should().Be(PathOf("symptoms", 1));
    }

    [Fact]
    public void ACodeOfAnotherField_IsUnknownHere()
    {
        var errors = ErrorsOf(With("cause", ResponseBuilder.Code("acute")));

        errors.Should().ContainSingle().Which.Message.Should().StartWith("unknown value 'acute'; expected one of herniatedDisc");
    }

    [Fact]
    public void WrongValueType_IsAnError_NamingBothTypes()
    {
        var errors = ErrorsOf(With("painIntensity", new FhirString("6")));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("painIntensity", 0), "must be valueInteger, was valueString"));
    }

    [Fact]
    public void DecimalForAnInteger_IsNotCoerced()
    {
        var errors = ErrorsOf(With("symptomWeeks", new FhirDecimal(6.0m)));

        errors.Should().ContainSingle().Which.Message.Should().Be("must be valueInteger, was valueDecimal");
    }

    [Fact]
    public void StringForABoolean_IsAnError()
    {
        var errors = ErrorsOf(With("clinicianApproved", new FhirString("yes")));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("clinicianApproved", 0), "must be valueBoolean, was valueString"));
    }

    [Fact]
    public void AnswerWithoutValue_IsAnError()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Item.Single(i => i.LinkId == "painIntensity").Answer[0].Value = null;

        ErrorsOf(response).Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("painIntensity", 0), "has no value; expected valueInteger"));
    }

    [Fact]
    public void RepeatedAnswerOnASingleItem_IsAnError_AtTheSecondAnswer()
    {
        var errors = ErrorsOf(With("cause", ResponseBuilder.Code("herniatedDisc"), ResponseBuilder.Code("spinalStenosis")));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("cause", 1), "is a second answer; cause takes one answer, 2 were given"));
    }

    [Fact]
    public void DuplicateCodeInASet_IsAnError()
    {
        var errors = ErrorsOf(With("symptoms", ResponseBuilder.Code("tingling"), ResponseBuilder.Code("tingling")));

        errors.Should().ContainSingle().Which.Path.Should().Be(PathOf("symptoms", 1));
    }

    [Fact]
    public void OutOfRange_IsAnError_FromTheSameValidationAsJson()
    {
        var errors = ErrorsOf(With("painIntensity", new Integer(11)));

        errors.Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("painIntensity", 0), "must be between 0 and 10, was 11"));
    }

    [Fact]
    public void MissingRequiredItem_IsAnError_AtTheItem()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Item.RemoveAll(i => i.LinkId == "painSensitivity");

        ErrorsOf(response).Should().ContainSingle().Which.Path.Should().Be(PathOf("painSensitivity"));
    }

    [Fact]
    public void ResponseToAnotherQuestionnaire_IsAnError()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Questionnaire = "http://example.org/Questionnaire/phq-9";

        ErrorsOf(response).Should().ContainSingle().Which.Should().Be(new ProfileError("QuestionnaireResponse.questionnaire", $"names another questionnaire; expected {IntakeQuestionnaire.Url}"));
    }

    [Fact]
    public void QuestionnaireVersion_IsIgnored()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Questionnaire = IntakeQuestionnaire.Url + "|0.9.0";

        QuestionnaireResponseReader.Read(response).IsValid.Should().BeTrue();
    }

    [Fact]
    public void ResponseWithoutQuestionnaire_IsAnError()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Questionnaire = null;

        ErrorsOf(response).Should().ContainSingle().Which.Path.Should().Be("QuestionnaireResponse.questionnaire");
    }

    [Theory]
    [InlineData(Status.InProgress, "in-progress")]
    [InlineData(Status.Stopped, "stopped")]
    [InlineData(Status.EnteredInError, "entered-in-error")]
    public void StatusOtherThanCompletedOrAmended_IsAnError(Status status, string shown)
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Status = status;

        ErrorsOf(response).Should().ContainSingle().Which.Should().Be(new ProfileError("QuestionnaireResponse.status", $"must be completed or amended, was {shown}"));
    }

    [Fact]
    public void AmendedResponse_IsRead()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Status = Status.Amended;

        QuestionnaireResponseReader.Read(response).Profile.Should().Be(Valid);
    }

    [Fact]
    public void UnknownItem_IsAnError_NotIgnored()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Item.Add(new() { LinkId = "favouriteColour", Answer = [new() { Value = new FhirString("blue") }] });

        ErrorsOf(response).Should().ContainSingle().Which.Path.Should().Be(PathOf("favouriteColour"));
    }

    [Fact]
    public void ItemWithoutLinkId_IsAnError_ByPosition()
    {
        var response = ResponseBuilder.Grouped(Valid);
        response.Item[0].Item.Add(new() { Answer = [new() { Value = new Integer(3) }] });

        ErrorsOf(response).Should().ContainSingle().Which.Path.Should().Be($"{PathOf("aboutThePain")}.item[{response.Item[0].Item.Count - 1}]");
    }

    [Fact]
    public void ItemGivenTwice_IsAnError()
    {
        var response = ResponseBuilder.Grouped(Valid);
        response.Item.Add(new() { LinkId = "painIntensity", Answer = [new() { Value = new Integer(2) }] });

        ErrorsOf(response).Should().ContainSingle().Which.Should().Be(new ProfileError(PathOf("painIntensity"), "appears more than once; each intake item is answered in one item"));
    }

    [Fact]
    public void AnsweredGroup_IsAnError()
    {
        var response = ResponseBuilder.Grouped(Valid);
        response.Item[0].Answer.Add(new() { Value = new FhirBoolean(true) });

        ErrorsOf(response).Should().ContainSingle().Which.Path.Should().Be(PathOf("aboutThePain"));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_InFieldOrder()
    {
        var response = ResponseBuilder.Flat(Valid);
        response.Status = Status.InProgress;
        response.Item.RemoveAll(i => i.LinkId is "cause" or "painIntensity" or "symptoms");
        response.Item.Add(new() { LinkId = "painIntensity", Answer = [new() { Value = new Integer(42) }] });
        response.Item.Add(new() { LinkId = "cause", Answer = [new() { Value = new Coding("http://other", "x") }] });
        response.Item.Add(new() { LinkId = "symptoms", Answer = [new() { Value = ResponseBuilder.Code("tingling") }, new() { Value = ResponseBuilder.Code("nope") }] });

        ErrorsOf(response).Select(e => e.Path).Should().Equal(
            "QuestionnaireResponse.status",
            PathOf("cause", 0),
            PathOf("painIntensity", 0),
            PathOf("symptoms", 1));
    }

    [Fact]
    public void ErrorsOfAFaultyRequiredItem_DoNotAlsoSayItIsMissing()
    {
        var errors = ErrorsOf(With("cause", new FhirString("disc")));

        errors.Should().ContainSingle();
    }

    [Fact]
    public void OtherResourceTypes_AreAnError()
    {
        var read = QuestionnaireResponseReader.Read(new Patient());

        read.Errors.Should().ContainSingle().Which.Should().Be(new ProfileError("$", "expected a QuestionnaireResponse or a Bundle of them, was a Patient"));
    }

    [Fact]
    public void OtherResourceTypes_AreNamedWithTheirArticle()
    {
        var read = QuestionnaireResponseReader.Read(new OperationOutcome());

        read.Errors.Should().ContainSingle().Which.Message.Should().EndWith("was an OperationOutcome");
    }
}

using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;
using Status = Hl7.Fhir.Model.QuestionnaireResponse.QuestionnaireResponseStatus;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>A searchset Bundle as an EHR returns <c>QuestionnaireResponse?subject=...&amp;questionnaire=...</c>: the most recent completed or amended response to the intake is read.</summary>
public sealed class SearchBundleTests
{
    private static readonly SymptomProfile Older = new() { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.Acute, PainSensitivity = PainSensitivity.High, PainIntensity = 8 };
    private static readonly SymptomProfile Newer = Older with { Flare = FlareState.Subsiding, PainIntensity = 4 };

    private static Bundle Search(params QuestionnaireResponse[] responses) => new()
    {
        Type = Bundle.BundleType.Searchset,
        Entry = [.. responses.Select((r, i) => new Bundle.EntryComponent { FullUrl = $"https://ehr.example/fhir/QuestionnaireResponse/{i}", Resource = r, Search = new() { Mode = Bundle.SearchEntryMode.Match } })],
    };

    private static QuestionnaireResponse Response(SymptomProfile profile, string authored, Status status = Status.Completed)
    {
        var response = ResponseBuilder.Grouped(profile);
        response.Authored = authored;
        response.Status = status;
        return response;
    }

    [Fact]
    public void EhrSearchset_WithMixedStatuses_ReadsTheMostRecentUsableResponse()
    {
        var read = QuestionnaireResponseReader.Read(TestData.Text("ehr-searchset.json"));

        read.Errors.Should().BeEmpty();
        read.Profile.Should().Be(new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc,
            Flare = FlareState.Subsiding,
            PainSensitivity = PainSensitivity.Moderate,
            PainIntensity = 5,
            DiagnosisConfirmed = true,
        });
    }

    [Fact]
    public void MostRecent_IsByAuthored_NotByBundleOrder()
    {
        var bundle = Search(Response(Newer, "2026-11-20T08:00:00-01:00"), Response(Older, "2026-11-20T08:30:00Z"));

        QuestionnaireResponseReader.Read(bundle).Profile.Should().Be(Newer);
    }

    [Fact]
    public void AResponseWithoutAuthored_CountsAsOldest()
    {
        var undated = ResponseBuilder.Grouped(Newer);
        undated.Authored = null;

        QuestionnaireResponseReader.Read(Search(undated, Response(Older, "2020-01-01"))).Profile.Should().Be(Older);
    }

    [Fact]
    public void ErrorsInTheChosenResponse_NameItsEntry()
    {
        var broken = Response(Older, "2026-11-29");
        broken.Item[0].Item.Single(i => i.LinkId == "painIntensity").Answer[0].Value = new Integer(12);
        var bundle = Search(Response(Newer, "2026-01-01"), broken);

        QuestionnaireResponseReader.Read(bundle).Errors.Should().ContainSingle().Which
            .Should().Be(new ProfileError("Bundle.entry[1].resource.item[linkId=painIntensity].answer[0]", "must be between 0 and 10, was 12"));
    }

    [Fact]
    public void BundleWithNoUsableResponse_IsAnError_SayingWhy()
    {
        var other = Response(Newer, "2026-11-30");
        other.Questionnaire = "http://example.org/Questionnaire/phq-9";
        var bundle = Search(Response(Older, "2026-11-29", Status.InProgress), other, Response(Older, "2026-11-28", Status.Stopped));

        var read = QuestionnaireResponseReader.Read(bundle);

        read.Errors.Should().ContainSingle().Which.Should().Be(new ProfileError(
            "Bundle.entry",
            $"no usable response: of 3 QuestionnaireResponse entries, 1 answer another questionnaire and 2 not completed or amended (in-progress, stopped); expected a completed or amended response to {IntakeQuestionnaire.Url}"));
        QuestionnaireResponseReader.SelectResponse(bundle).Should().BeNull();
    }

    [Fact]
    public void EmptySearchset_IsAnError_AndSelectsNothing()
    {
        var read = QuestionnaireResponseReader.Read(Search());

        read.Errors.Should().ContainSingle().Which.Should().Be(new ProfileError("Bundle.entry", "no usable response: the bundle has no entries"));
    }

    [Fact]
    public void SelectResponse_GivesTheResponseThatIsRead()
    {
        var newer = Response(Newer, "2026-11-30");
        var bundle = Search(Response(Older, "2026-11-01"), newer, Response(Older, "2026-12-01", Status.EnteredInError));

        QuestionnaireResponseReader.SelectResponse(bundle).Should().BeSameAs(newer);
    }
}

using FsCheck;
using FsCheck.Fluent;
using Hl7.Fhir.Serialization;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Properties;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>profile → QuestionnaireResponse → profile is the identity, for every scenario profile and for generated ones.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Scenarios => new(ScenarioProfiles.All().Select(s => s.Name));

    private static SymptomProfile ScenarioProfile(string name) => ScenarioProfiles.All().First(s => s.Name == name).Profile;

    [Fact]
    public void ScenarioFiles_AreFound()
    {
        ScenarioProfiles.All().Should().HaveCountGreaterThan(20);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioProfile_SurvivesAGroupedResponse(string scenario)
    {
        var profile = ScenarioProfile(scenario);

        var read = QuestionnaireResponseReader.Read(ResponseBuilder.Grouped(profile));

        read.Errors.Should().BeEmpty();
        read.Profile.Should().Be(profile);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ScenarioProfile_SurvivesAFlatResponseAsJson(string scenario)
    {
        var profile = ScenarioProfile(scenario);
        var json = ResponseBuilder.Flat(profile).ToJson();

        var read = QuestionnaireResponseReader.Read(json);

        read.Errors.Should().BeEmpty();
        read.Profile.Should().Be(profile);
    }

    [Fact]
    public void GeneratedProfiles_SurviveAResponse()
    {
        Prop.ForAll(ProfileGenerators.Profiles(), profile =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(ResponseBuilder.Grouped(profile).ToJson());
            var read = QuestionnaireResponseReader.Read(bytes);
            return read.IsValid && read.Profile == profile;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UnansweredOptionalItems_AreNotGiven_AndUnansweredBooleansFalse()
    {
        var response = ResponseBuilder.Flat(new SymptomProfile { Cause = SciaticaCause.Unknown, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 3 });
        response.Item.RemoveAll(i => ProfileFields.Find(i.LinkId!) is { IsRequired: false });
        response.Item.Add(new() { LinkId = "symptomWeeks" });
        response.Item.Add(new() { LinkId = "diagnosisConfirmed" });

        var profile = QuestionnaireResponseReader.Read(response).GetProfileOrThrow();

        profile.SymptomWeeks.Should().BeNull();
        profile.DiagnosisConfirmed.Should().BeFalse();
        profile.ClinicianApproved.Should().BeFalse();
        profile.WeeksInTreatment.Should().Be(0);
        profile.Symptoms.Should().BeEmpty();
    }
}

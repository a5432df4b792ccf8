using System.Text;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Profiles;

public sealed class ProfileReaderTests
{
    [Fact]
    public void Read_ContractExample_GivesEveryField()
    {
        var profile = ProfileReader.Read(ProfileJson.ContractExample().Build());

        profile.Should().Be(new SymptomProfile
        {
            Cause = SciaticaCause.PiriformisSyndrome,
            Flare = FlareState.None,
            PainSensitivity = PainSensitivity.Low,
            PainIntensity = 6,
            SymptomWeeks = 5,
            Symptoms = [Symptom.ButtockPain, Symptom.RadiatingLegPain, Symptom.WorseWhenSitting],
            DiagnosisConfirmed = true,
            ClinicianApproved = true,
        });
    }

    [Fact]
    public void Read_MinimalProfile_DefaultsTheOptionalFields()
    {
        var profile = ProfileReader.Read(ProfileJson.Minimal().Build());

        profile.SymptomWeeks.Should().BeNull();
        profile.Symptoms.Should().BeEmpty();
        profile.RedFlags.Should().BeEmpty();
        profile.Conditions.Should().BeEmpty();
        profile.AvoidStyles.Should().BeEmpty();
        profile.DiagnosisConfirmed.Should().BeFalse();
        profile.ClinicianApproved.Should().BeFalse();
        profile.WeeksInTreatment.Should().Be(0);
    }

    [Theory]
    [InlineData("symptomWeeks")]
    [InlineData("symptoms")]
    [InlineData("redFlags")]
    [InlineData("conditions")]
    [InlineData("diagnosisConfirmed")]
    [InlineData("clinicianApproved")]
    [InlineData("weeksInTreatment")]
    [InlineData("avoidStyles")]
    public void Read_NullForOptionalProperty_MeansNotGiven(string name)
    {
        var withNull = ProfileReader.Read(ProfileJson.Minimal().WithNull(name).Build());

        withNull.Should().Be(ProfileReader.Read(ProfileJson.Minimal().Build()));
    }

    [Fact]
    public void Read_PropertiesInAnyOrder_GiveTheSameProfile()
    {
        var json = "{\"painIntensity\": 6, \"painSensitivity\": \"low\", \"flare\": \"none\", \"cause\": \"piriformisSyndrome\"}";

        ProfileReader.Read(json).Should().Be(ProfileReader.Read(ProfileJson.Minimal().Build()));
    }

    [Fact]
    public void Read_IndentedDocument_IsAccepted()
    {
        var result = ProfileReader.TryRead(ProfileJson.Full().BuildIndented());

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Read_Utf8Bytes_GivesTheSameProfileAsText()
    {
        var json = ProfileJson.Full().Build();

        ProfileReader.Read(Encoding.UTF8.GetBytes(json)).Should().Be(ProfileReader.Read(json));
    }

    [Fact]
    public void Read_EscapedEnumName_IsMatchedByValue()
    {
        var profile = ProfileReader.Read(ProfileJson.Minimal().WithRaw("flare", "\"\\u0061cute\"").Build());

        profile.Flare.Should().Be(FlareState.Acute);
    }

    [Fact]
    public void Read_EscapedPropertyNames_AreMatchedByValue()
    {
        // The plain names are compared as bytes; an escaped one (the same name) still matches.
        const string Escaped = """{"\u0063ause":"herniatedDisc","fl\u0061re":"acute","painSensitivity":"low","p\u0061inIntensity":7,"symptomWeeks":3}""";
        const string Plain = """{"cause":"herniatedDisc","flare":"acute","painSensitivity":"low","painIntensity":7,"symptomWeeks":3}""";

        ProfileReader.Read(Escaped).Should().Be(ProfileReader.Read(Plain));
        ProfileReader.TryRead("""{"cause":"herniatedDisc","flare":"acute","painSensitivity":"low","painIntensity":7,"c\u0061use":"spinalStenosis"}""")
            .Errors.Should().ContainSingle().Which.Message.Should().Be("property given twice; each property may appear once");
    }

    [Fact]
    public void Read_EmptySet_IsAccepted()
    {
        var profile = ProfileReader.Read(ProfileJson.Minimal().WithSet("avoidStyles").Build());

        profile.AvoidStyles.Should().BeEmpty();
    }

    [Fact]
    public void Validate_ProfileBuiltInCSharpOutOfRange_ReportsPath()
    {
        var profile = ProfileReader.Read(ProfileJson.Minimal().Build()) with { PainIntensity = 12, WeeksInTreatment = 600 };

        ProfileReader.Validate(profile).Should().Equal(
            new ProfileError("$.painIntensity", "must be between 0 and 10, was 12"),
            new ProfileError("$.weeksInTreatment", "must be between 0 and 520, was 600"));
    }

    [Fact]
    public void Validate_ProfileWithUndefinedEnumValue_ReportsPath()
    {
        var profile = ProfileReader.Read(ProfileJson.Minimal().Build()) with { AvoidStyles = [(MassageStyle)42] };

        ProfileReader.Validate(profile).Should().ContainSingle().Which.Path.Should().StartWith("$.avoidStyles");
    }
}

using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>A response in the shape NLM's LHC-Forms renderer writes: answers nested under group items, valueCoding with system, code and display, item text echoed.</summary>
public sealed class LhcFormsResponseTests
{
    [Fact]
    public void LhcFormsResponse_ReadsAsTheContractsExampleProfile()
    {
        var read = QuestionnaireResponseReader.Read(TestData.Text("lhc-forms-response.json"));

        read.Errors.Should().BeEmpty();
        read.Profile.Should().Be(new SymptomProfile
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
    public void LhcFormsResponse_ReadsTheSameAsUtf8Bytes()
    {
        var text = TestData.Text("lhc-forms-response.json");

        QuestionnaireResponseReader.Read(System.Text.Encoding.UTF8.GetBytes(text)).Profile
            .Should().Be(QuestionnaireResponseReader.Read(text).Profile);
    }

    [Fact]
    public void ADisplayOtherThanOurs_DoesNotMatter_CodingsMatchBySystemAndCode()
    {
        var text = TestData.Text("lhc-forms-response.json").Replace("\"display\": \"No flare-up\"", "\"display\": \"Kein Schub\"", StringComparison.Ordinal);

        QuestionnaireResponseReader.Read(text).Profile!.Flare.Should().Be(FlareState.None);
    }
}

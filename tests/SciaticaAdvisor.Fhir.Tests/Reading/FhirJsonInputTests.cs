using System.Text;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>Whatever bytes come in, the reader answers with errors (never an exception), bounded, and never quotes the document.</summary>
public sealed class FhirJsonInputTests
{
    private const string Secret = "HIV-positive";

    private static ProfileReadResult Read(string json) => QuestionnaireResponseReader.Read(json);

    [Fact]
    public void InvalidJson_IsADollarError_WithLineAndColumn()
    {
        var read = Read("{\n  \"resourceType\": \"QuestionnaireResponse\",\n  \"status\": \"" + Secret + "\n}");

        read.Errors.Should().ContainSingle().Which.Path.Should().Be("$");
        read.Errors[0].Message.Should().StartWith("invalid JSON at line 3").And.NotContain(Secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    public void EmptyDocument_IsAnError(string json)
    {
        Read(json).Errors.Should().ContainSingle().Which.Should().Be(new ProfileError("$", "the document is empty; expected a FHIR resource as a JSON object"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"QuestionnaireResponse\"")]
    public void NonObject_IsAnError(string json)
    {
        Read(json).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void DeepNesting_IsAnError_NotAStackOverflow()
    {
        var json = "{\"resourceType\":\"QuestionnaireResponse\",\"item\":" + string.Concat(Enumerable.Repeat("[{\"item\":", 200)) + "[]" + string.Concat(Enumerable.Repeat("}]", 200)) + "}";

        Read(json).Errors.Should().ContainSingle().Which.Message.Should().StartWith("nested deeper than 64 levels");
    }

    [Fact]
    public void DocumentOver1MiB_IsAnError_WithoutBeingParsed()
    {
        var json = "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + new string('a', 1024 * 1024) + "\"}";

        Read(json).Errors.Should().ContainSingle().Which.Should().Be(new ProfileError("$", "the document is longer than 1048576 bytes (1 MiB)"));
        QuestionnaireResponseReader.Read(Encoding.UTF8.GetBytes(json)).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestData.Text("lhc-forms-response.json"))).ToArray();

        QuestionnaireResponseReader.Read(bytes).IsValid.Should().BeTrue();
    }

    [Fact]
    public void MissingResourceType_IsAnError()
    {
        Read("{\"status\":\"completed\"}").Errors.Should().Contain(e => e.Message.StartsWith("has no resourceType", StringComparison.Ordinal));
    }

    [Fact]
    public void FhirErrors_NameTheElement_ButNotItsValue()
    {
        var json = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"" + Secret + "\",\"authored\":\"" + Secret + "\","
            + "\"item\":[{\"linkId\":\"painIntensity\",\"answer\":[{\"valueInteger\":\"" + Secret + "\"}]}]}";

        var read = Read(json);

        read.Errors.Select(e => e.Path).Should().BeEquivalentTo(
            "QuestionnaireResponse.status", "QuestionnaireResponse.authored", "QuestionnaireResponse.item[0].answer[0].value");
        read.Errors.Should().OnlyContain(e => !e.ToString().Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownElement_IsAnError_NotIgnored()
    {
        var read = Read("{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"diagnosis\":\"" + Secret + "\"}");

        read.Errors.Should().ContainSingle().Which.ToString().Should().StartWith("QuestionnaireResponse.diagnosis: is not an element FHIR defines here (line 1, position ");
    }

    [Fact]
    public void UnknownResourceType_IsAnError()
    {
        Read("{\"resourceType\":\"Intake\"}").Errors.Should().Contain(e => e.Message.StartsWith("names a resource type FHIR R4 does not have", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherResource_IsAnError()
    {
        Read("{\"resourceType\":\"Patient\",\"id\":\"p\"}").Errors.Should().ContainSingle()
            .Which.Should().Be(new ProfileError("$", "expected a QuestionnaireResponse or a Bundle of them, was a Patient"));
    }
}

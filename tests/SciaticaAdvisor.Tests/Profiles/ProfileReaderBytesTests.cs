using System.Text;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>Bytes that are not text: what a batch file with a damaged line hands the reader.</summary>
public sealed class ProfileReaderBytesTests
{
    [Fact]
    public void Read_InvalidUtf8InPropertyName_IsAnErrorNotACrash()
    {
        var bytes = Concat(ProfileJson.Minimal().Build().TrimEnd('}') + ", \"", [0xFF, 0xFE], "\": 1}");

        var result = ProfileReader.TryRead(bytes);

        result.Errors.Should().Equal(new ProfileError(
            "$",
            "a property name is not valid UTF-8; expected one of cause, flare, painSensitivity, painIntensity, symptomWeeks, "
            + "symptoms, redFlags, conditions, diagnosisConfirmed, clinicianApproved, weeksInTreatment, avoidStyles"));
    }

    [Fact]
    public void Read_InvalidUtf8InEnumValue_IsAnErrorNotACrash()
    {
        var bytes = Concat("{\"cause\": \"", [0xC3, 0x28], "\", \"flare\": \"none\", \"painSensitivity\": \"low\", \"painIntensity\": 1}");

        var result = ProfileReader.TryRead(bytes);

        result.Errors.Should().Equal(new ProfileError(
            "$.cause",
            "unknown value (text that is not valid UTF-8); expected one of herniatedDisc, spinalStenosis, piriformisSyndrome, spondylolisthesis, unknown"));
    }

    [Fact]
    public void Read_ByteOrderMark_IsNotPartOfJson()
    {
        var bytes = Concat(string.Empty, [0xEF, 0xBB, 0xBF], ProfileJson.Minimal().Build());

        var result = ProfileReader.TryRead(bytes);

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}

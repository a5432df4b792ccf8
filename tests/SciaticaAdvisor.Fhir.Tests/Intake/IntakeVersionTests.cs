using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Serialization;

namespace SciaticaAdvisor.Fhir.Tests.Intake;

/// <summary>The published version changes whenever the form or its codes change, so a clinic never holds two forms under one version.</summary>
public sealed class IntakeVersionTests
{
    // When this test fails, the form or its codes changed: raise IntakeQuestionnaire.Version and record
    // the new version with the fingerprint the failure message shows.
    private const string RecordedVersion = "1.0.0";
    private const string RecordedFingerprint = "3dad1a9f1d88bead";

    [Fact]
    public void Version_IsRaised_WhenTheItemsOrCodesChange()
    {
        var fingerprint = Fingerprint();

        (IntakeQuestionnaire.Version, fingerprint).Should().Be((RecordedVersion, RecordedFingerprint),
            "the Questionnaire or CodeSystem changed (fingerprint {0}): raise IntakeQuestionnaire.Version and record both here", fingerprint);
    }

    private static string Fingerprint()
    {
        var form = IntakeQuestionnaire.Create();
        var codes = IntakeQuestionnaire.CreateCodeSystem();
        form.Version = null;
        codes.Version = null;
        var text = form.ToJson() + "\n" + codes.ToJson();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}

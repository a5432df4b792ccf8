using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using Task = System.Threading.Tasks.Task;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>fhir questionnaire|codesystem|profile|careplan</c>, run as a clinic would run them.</summary>
public sealed class FhirCommandTests : IDisposable
{
    private static readonly FhirJsonDeserializer Fhir = new(new DeserializerSettings());
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> SampleProfiles => new("acute-disc.json", "piriformis.json", "red-flags.json", "stenosis-osteoporosis.json");

    private static SymptomProfile Sample(string name) => ProfileReader.Read(File.ReadAllText(Repository.PathOf(Path.Combine("samples", "profiles", name))));

    [Fact]
    public async Task Questionnaire_PrintsTheIntakeQuestionnaire()
    {
        var result = await Tool.RunAsync("fhir", "questionnaire");

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        var printed = Fhir.DeserializeResource(result.Stdout).Should().BeOfType<Questionnaire>().Subject;
        printed.Url.Should().Be(IntakeQuestionnaire.Url);
        printed.ToJson().Should().Be(IntakeQuestionnaire.Create().ToJson());
    }

    [Fact]
    public async Task CodeSystem_PrintsTheCodeSystem()
    {
        var result = await Tool.RunAsync("fhir", "codesystem");

        result.ExitCode.Should().Be(0);
        Fhir.DeserializeResource(result.Stdout).Should().BeOfType<CodeSystem>().Which.Url.Should().Be(IntakeQuestionnaire.CodeSystemUrl);
    }

    [Theory]
    [MemberData(nameof(SampleProfiles))]
    public async Task FhirProfile_PipedIntoAdvise_GivesTheSameAdviceAsAdvise(string sample)
    {
        var profile = Sample(sample);
        var response = _files.Write("qr.json", ResponseBuilder.Grouped(profile).ToJson());

        var read = await Tool.RunAsync("fhir", "profile", response);
        var viaFhir = await Tool.RunAsync(["advise"], read.Stdout);
        var direct = await Tool.RunAsync(["advise"], AdvisorJson.Serialize(profile));

        read.ExitCode.Should().Be(0);
        read.StdoutLines.Should().ContainSingle();
        viaFhir.ExitCode.Should().Be(0);
        viaFhir.Stdout.Should().Be(direct.Stdout);
    }

    [Fact]
    public async Task FhirProfile_ReadsStandardInput()
    {
        var profile = Sample("piriformis.json");

        var result = await Tool.RunAsync(["fhir", "profile", "-"], ResponseBuilder.Flat(profile).ToJson());

        result.ExitCode.Should().Be(0);
        ProfileReader.Read(result.StdoutLines[0]).Should().Be(profile);
    }

    [Fact]
    public async Task FhirProfile_OfABadResponse_ExitsTwo_WithEveryErrorAsPathAndMessage()
    {
        var response = ResponseBuilder.Flat(Sample("piriformis.json"));
        response.Status = QuestionnaireResponse.QuestionnaireResponseStatus.InProgress;
        response.Item.Single(i => i.LinkId == "painIntensity").Answer[0].Value = new FhirString("6");

        var result = await Tool.RunAsync(["fhir", "profile"], response.ToJson());

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "QuestionnaireResponse.status: must be completed or amended, was in-progress",
            "QuestionnaireResponse.item[linkId=painIntensity].answer[0]: must be valueInteger, was valueString");
    }

    [Fact]
    public async Task FhirProfile_OfInvalidJson_ExitsTwo_WithoutAStackTrace()
    {
        var result = await Tool.RunAsync(["fhir", "profile"], "{\"resourceType\": \"QuestionnaireResponse\",");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("$: invalid JSON at line 1");
        result.Stderr.Should().NotContain("   at ");
    }

    [Fact]
    public async Task FhirProfile_OverOneMiB_ExitsTwo()
    {
        var path = _files.Write("big.json", "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"" + new string('a', 1024 * 1024) + "\"}");

        var result = await Tool.RunAsync("fhir", "profile", path);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("1 MiB");
    }

    [Fact]
    public async Task FhirProfile_OfAMissingFile_ExitsTwo()
    {
        var result = await Tool.RunAsync("fhir", "profile", _files.PathOf("absent.json"));

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().EndWith("the file does not exist");
    }

    [Fact]
    public async Task CarePlan_OfAProfile_WritesACollectionBundle_ForTheSubject()
    {
        var path = Repository.PathOf(Path.Combine("samples", "profiles", "red-flags.json"));

        var result = await Tool.RunAsync("fhir", "careplan", path, "--subject", "Patient/123");

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle();
        var bundle = Fhir.DeserializeResource(result.Stdout).Should().BeOfType<Bundle>().Subject;
        var plan = bundle.Entry.Select(e => e.Resource).OfType<CarePlan>().Single();
        plan.Subject!.Reference.Should().Be("Patient/123");
        bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Should().ContainSingle();
    }

    [Fact]
    public async Task CarePlan_OfAResponse_AdvisesItsProfile()
    {
        var profile = Sample("piriformis.json");
        var path = _files.Write("qr.json", ResponseBuilder.Grouped(profile).ToJson());

        var fromResponse = await Tool.RunAsync("fhir", "careplan", path);
        var fromProfile = await Tool.RunAsync(["fhir", "careplan"], AdvisorJson.Serialize(profile));

        fromResponse.ExitCode.Should().Be(0);
        Activities(fromResponse.Stdout).Should().Equal(Activities(fromProfile.Stdout));
    }

    [Fact]
    public async Task CarePlan_OfAnInvalidProfile_ExitsTwo_WithTheProfilesErrors()
    {
        var result = await Tool.RunAsync(["fhir", "careplan"], "{\"cause\":\"disc\"}");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Contain("$.cause: unknown value 'disc'; expected one of herniatedDisc, spinalStenosis, piriformisSyndrome, spondylolisthesis, unknown");
    }

    [Fact]
    public async Task CarePlan_WithAnEmptySubject_IsAUsageError()
    {
        var result = await Tool.RunAsync(["fhir", "careplan", "--subject", " "], AdvisorJson.Serialize(Sample("piriformis.json")));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--subject");
    }

    private static IEnumerable<string?> Activities(string bundleJson) =>
        Fhir.Deserialize<Bundle>(bundleJson).Entry.Select(e => e.Resource).OfType<CarePlan>().Single().Activity.Select(a => a.Detail?.Description);
}

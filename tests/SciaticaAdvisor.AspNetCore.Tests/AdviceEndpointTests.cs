using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.AspNetCore.Tests;

public sealed class AdviceEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string ContractExample = """{ "cause": "piriformisSyndrome", "flare": "none", "painSensitivity": "low", "painIntensity": 6, "symptomWeeks": 5, "symptoms": ["buttockPain", "radiatingLegPain", "worseWhenSitting"], "diagnosisConfirmed": true, "clinicianApproved": true }""";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostAdvice_ContractExample_IsByteIdenticalToTheLibrarysAdvice()
    {
        var response = await _client.PostAsync("/advice", Json(ContractExample));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var expected = AdvisorJson.Serialize(Advisor.CreateDefault().Advise(ProfileReader.Read(ContractExample))) + "\n";
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
    }

    [Fact]
    public async Task PostAdvice_InvalidProfile_AnswersProblemDetailsWithEveryErrorPath()
    {
        var response = await _client.PostAsync("/advice", Json("""{ "cause": "piriformisSyndrome", "flare": "acut", "painSensitivity": "low", "painIntensity": "6", "extra": 1 }"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().Should().Be(400);
        problem["type"]!.GetValue<string>().Should().Contain("clinic-service.md#problem-");
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Should().BeEquivalentTo("$.flare", "$.painIntensity", "$.extra");
    }

    // The sample host calls UseStatusCodePages(), as the package's README asks: routing's own answers are problem details too.
    [Theory]
    [InlineData("GET", "/advice", 405)]
    [InlineData("PUT", "/advice/fhir", 405)]
    [InlineData("POST", "/no-such-endpoint", 404)]
    public async Task RoutingErrors_AreProblemDetails(string method, string path, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await _client.SendAsync(request);

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<int>().Should().Be(status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task PostAdvice_BodyThatIsNotJsonByItsContentType_Is415(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ContractExample));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await _client.PostAsync("/advice", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task PostAdvice_WithoutAContentType_Is415()
    {
        var response = await _client.PostAsync("/advice", new ByteArrayContent(Encoding.UTF8.GetBytes(ContractExample)));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostAdvice_BodyOverOneMebibyte_Is413_WithOrWithoutAContentLength(bool declared)
    {
        var huge = Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024 + 1));
        HttpContent content = declared ? new ByteArrayContent(huge) : new StreamContent(new UnseekableStream(huge));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/advice", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostAdvice_InvalidUtf8_Is400AtTheRoot()
    {
        var bytes = Encoding.UTF8.GetBytes(ContractExample.Replace("piriformisSyndrome", "piriformis\u00ffSyndrome", StringComparison.Ordinal));
        bytes[bytes.AsSpan().IndexOf((byte)0xC3)] = 0xFF;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/advice", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("UTF-8");
    }

    [Fact]
    public async Task PostAdvice_ProblemNeverEchoesTheRequest_AndStaysSmall()
    {
        var secret = "pregnant-and-on-anticoagulants-" + new string('x', 200_000);
        var response = await _client.PostAsync("/advice", Json($$"""{ "cause": "{{secret}}", "flare": "none", "painSensitivity": "low", "painIntensity": 3, "{{secret}}": 1 }"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.Should().BeLessThan(2_000);
        body.Should().NotContain(new string('x', 60));
    }

    [Fact]
    public async Task PostAdviceFhir_QuestionnaireResponse_AdvisesAsTheSameProfileWould()
    {
        var response = await _client.PostAsync("/advice/fhir", Fhir(Intakes.Response()));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var advice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var profile = QuestionnaireResponseReader.Read(Intakes.Response().ToJsonString()).GetProfileOrThrow();
        advice.ToJsonString().Should().Be(JsonNode.Parse(AdvisorJson.Serialize(Advisor.CreateDefault().Advise(profile)))!.ToJsonString());
        advice["styles"]![0]!["style"]!.GetValue<string>().Should().Be("deepTissue");
    }

    [Fact]
    public async Task PostAdviceFhir_SearchBundle_ReadsTheMostRecentCompletedResponse()
    {
        var older = Intakes.Response(redFlags: ["saddleAnesthesia"], authored: "2026-01-01T00:00:00Z");
        var newer = Intakes.Response(authored: "2026-11-01T00:00:00Z");
        var draft = Intakes.Response(redFlags: ["fever"], status: "in-progress", authored: "2026-11-30T00:00:00Z");

        var response = await _client.PostAsync("/advice/fhir", Fhir(Intakes.Bundle(older, draft, newer)));

        var advice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        advice["status"]!.GetValue<string>().Should().Be("recommended");
    }

    [Fact]
    public async Task PostAdviceFhir_UnknownCode_Is400NamingTheItemByItsLinkId()
    {
        var intake = Intakes.Response(cause: "slippedDisc");

        var response = await _client.PostAsync("/advice/fhir", Fhir(intake));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Should().Contain(p => p.Contains("linkId=cause", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetQuestionnaire_IsTheFhirPackagesIntakeQuestionnaire()
    {
        var response = await _client.GetAsync("/fhir/Questionnaire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+json");
        var questionnaire = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        questionnaire["url"]!.GetValue<string>().Should().Be(IntakeQuestionnaire.Url);
        questionnaire["status"]!.GetValue<string>().Should().Be("active");
    }

    [Theory]
    [InlineData("/schemas/profile", "painIntensity")]
    [InlineData("/schemas/advice", "contraindications")]
    public async Task GetSchema_AnswersTheLibrarysJsonSchema(string url, string property)
    {
        var schema = JsonNode.Parse(await _client.GetStringAsync(url))!;

        schema["properties"]![property].Should().NotBeNull();
    }

    [Fact]
    public async Task GetRoot_ServesTheIntakePageWithItsOwnCopyOfLhcForms()
    {
        var page = await _client.GetAsync("/");
        var lforms = await _client.GetAsync("/intake/lforms/main.js");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("intake/lforms/main.js").And.NotContain("https://");
        lforms.StatusCode.Should().Be(HttpStatusCode.OK);
        (await lforms.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100_000);
    }

    [Fact]
    public async Task GetIntakeWords_AreThePlainWordsOfTheLibrary()
    {
        var words = JsonNode.Parse(await _client.GetStringAsync("/intake/words.json"))!;

        words["redFlag"]!["bowelOrBladderDysfunction"]!["display"]!.GetValue<string>().Should().Be(PlainWords.Display(RedFlag.BowelOrBladderDysfunction));
        words["style"]!["lomiLomi"]!["display"]!.GetValue<string>().Should().Be(PlainWords.Display(Advice.MassageStyle.LomiLomi));
    }

    [Fact]
    public async Task GetAbout_ListsTheRulesOfTheCurrentRuleSet()
    {
        var html = await _client.GetStringAsync("/about");

        html.Should().Contain("sciatica-massage").And.Contain(Advisor.CreateDefault().Rules[0].Id);
    }

    [Fact]
    public async Task OpenApi_DescribesTheBodiesWithTheLibrarysSchemas_SoPainIntensityIsAnIntegerFrom0To10()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var profileSchema = JsonNode.Parse(await _client.GetStringAsync("/schemas/profile"))!;

        var advise = document["paths"]!["/advice"]!["post"]!;
        advise["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>().Should().Be("#/components/schemas/SymptomProfile");
        var profile = document["components"]!["schemas"]!["SymptomProfile"]!;
        var pain = profile["properties"]!["painIntensity"]!;
        pain["type"]!.GetValue<string>().Should().Be("integer");
        pain["minimum"]!.GetValue<int>().Should().Be(0);
        pain["maximum"]!.GetValue<int>().Should().Be(10);
        profile["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(profileSchema["properties"]!.AsObject().Select(p => p.Key), "the document's schema is the one the library publishes");
        advise["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["200", "400", "408", "413", "415"]);
        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/advice", "/advice/fhir", "/cds-services/sciatica-massage-advice", "/cds-services/sciatica-massage-advice/feedback"]);
    }

    [Fact]
    public async Task GetHealth_IsHealthy()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Fhir(JsonNode resource) => new(resource.ToJsonString(), Encoding.UTF8, "application/fhir+json");

    /// <summary>A stream without a length, so the body goes chunked and the server cannot know its size up front.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

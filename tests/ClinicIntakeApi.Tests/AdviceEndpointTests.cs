using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClinicIntakeApi.Tests;

public sealed class AdviceEndpointTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostAdvice_ValidProfile_AnswersTheAdvice()
    {
        var response = await _client.PostAsJsonAsync("/advice", Profiles.Valid());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var advice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        advice["status"]!.GetValue<string>().Should().Be("recommended");
        advice["styles"]![0]!["style"]!.GetValue<string>().Should().Be("shiatsu");
        advice["ruleSet"]!["name"]!.GetValue<string>().Should().Be("intake-test-rules");
    }

    [Fact]
    public async Task PostAdvice_InvalidProfile_AnswersProblemDetailsWithEveryErrorPath()
    {
        var profile = Profiles.With("painIntensity", 11);
        profile["flare"] = "acut";
        profile["extra"] = true;

        var response = await _client.PostAsJsonAsync("/advice", profile);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["status"]!.GetValue<int>().Should().Be(400);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        problem["type"]!.GetValue<string>().Should().EndWith("/invalid-profile");
        var errors = problem["errors"]!.AsArray();
        errors.Select(e => e!["path"]!.GetValue<string>()).Should().BeEquivalentTo(["$.painIntensity", "$.flare", "$.extra"]);
        errors.Should().OnlyContain(e => e!["message"]!.GetValue<string>().Length > 0);
    }

    [Fact]
    public async Task PostAdvice_NotJson_AnswersAProblemAtTheRoot()
    {
        var response = await _client.PostAsync("/advice", new StringContent("{ \"cause\": ", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Should().ContainSingle().Which!["path"]!.GetValue<string>().Should().Be("$");
    }

    [Fact]
    public async Task PostAdvice_EmptyBody_AnswersAProblem()
    {
        var response = await _client.PostAsync("/advice", new StringContent("", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostAdvice_BodyOverOneMebibyte_Answers413()
    {
        var huge = new string(' ', 1024 * 1024 + 1);

        var response = await _client.PostAsync("/advice", new StringContent(huge, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/schemas/profile", "painIntensity")]
    [InlineData("/schemas/advice", "contraindications")]
    public async Task GetSchema_AnswersTheLibrarysJsonSchema(string url, string property)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/schema+json");
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        schema.RootElement.GetProperty("properties").TryGetProperty(property, out _).Should().BeTrue();
    }

    [Fact]
    public async Task GetOpenApi_DescribesEveryEndpoint()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject().Select(p => p.Key);
        paths.Should().Contain(["/advice", "/schemas/profile", "/schemas/advice", "/cds-services", "/cds-services/sciatica-massage-advice"]);
    }

    [Fact]
    public async Task GetOpenApi_WritesProfileEnumsAsTheContractDoes()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;

        var causes = document["components"]!["schemas"]!["SciaticaCause"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

        causes.Should().Equal("herniatedDisc", "spinalStenosis", "piriformisSyndrome", "spondylolisthesis", "unknown");
    }

    [Fact]
    public async Task GetHealth_WithARuleSetLoaded_IsHealthy()
    {
        var response = await _client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task GetRoot_ServesTheIntakePage()
    {
        var response = await _client.GetAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<form id=\"intake\">").And.Contain("fetch(\"advice\"");
    }

    [Fact]
    public async Task UnknownPath_Answers404()
    {
        var response = await _client.GetAsync("/no-such-endpoint");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

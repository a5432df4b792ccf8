using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.CdsHooks;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>An EHR that signs its calls and names its FHIR server: the service searches only the FHIR servers configured for that EHR, with the EHR's access token.</summary>
public sealed class FhirServerAllowListTests
{
    private const string Base = "https://cds.clinic.test";
    private const string Service = "/cds-services/sciatica-massage-advice";

    [Fact]
    public async Task SignedCall_WithANullPrefetch_SearchesTheListedFhirServer_WithTheEhrsAccessToken()
    {
        await using var fhir = await FhirServer("fhir-token-42", Intakes.Bundle(Intakes.Response(redFlags: ["progressiveWeakness"])));
        using var ehr = new Tokens();
        using var factory = ServiceFor(ehr, fhir.Url + "/fhir");

        var card = await CardFor(factory, ehr, fhir.Url + "/fhir", "fhir-token-42");

        card["indicator"]!.GetValue<string>().Should().Be("warning");
        card["summary"]!.GetValue<string>().Should().StartWith("Urgent");
    }

    [Theory]
    [InlineData("/fhir-other")]
    [InlineData("/other")]
    public async Task SignedCall_NamingAFhirServerNotListedForTheEhr_IsNotSearched(string path)
    {
        var asked = 0;
        await using var fhir = await LoopbackHost.StartAsync(app => app.MapGet("/{**any}", () =>
        {
            Interlocked.Increment(ref asked);
            return Results.Text(Intakes.Bundle(Intakes.Response()).ToJsonString(), "application/fhir+json");
        }));
        using var ehr = new Tokens();
        using var factory = ServiceFor(ehr, fhir.Url + "/fhir");

        var card = await CardFor(factory, ehr, fhir.Url + path, "fhir-token-42");

        card["detail"]!.GetValue<string>().Should().Contain("not one this service is allowed to ask");
        asked.Should().Be(0, "the access token never goes to a server the EHR is not configured with");
    }

    [Theory]
    [InlineData("https://fhir.clinic.example/r4", "https://fhir.clinic.example/r4", true)]
    [InlineData("https://fhir.clinic.example/r4/", "https://fhir.clinic.example/r4", true)]
    [InlineData("https://FHIR.clinic.example/r4/tenant-2", "https://fhir.clinic.example/r4/", true)]
    [InlineData("https://fhir.clinic.example.elsewhere.test/r4", "https://fhir.clinic.example", false)]
    [InlineData("https://fhir.clinic.example:8443/r4", "https://fhir.clinic.example", false)]
    [InlineData("http://fhir.clinic.example/r4", "https://fhir.clinic.example", false)]
    [InlineData("https://fhir.clinic.example/r4-other", "https://fhir.clinic.example/r4", false)]
    public void AFhirServer_IsAllowed_OnlyAtOrUnderAListedBaseUrl(string server, string allowed, bool expected) =>
        CdsEndpoints.IsAtOrUnder(new Uri(server), new Uri(allowed)).Should().Be(expected);

    private static ServiceFactory ServiceFor(Tokens ehr, string allowedFhirServer) => new(new()
    {
        ["SciaticaAdvisor:Service:PublicBaseUrl"] = Base,
        ["SciaticaAdvisor:Service:TrustedIssuers:0:Issuer"] = Tokens.Issuer,
        ["SciaticaAdvisor:Service:TrustedIssuers:0:Jwks"] = ehr.Jwks,
        ["SciaticaAdvisor:Service:TrustedIssuers:0:FhirServers:0"] = allowedFhirServer,
    });

    private static async Task<JsonNode> CardFor(ServiceFactory factory, Tokens ehr, string fhirServer, string accessToken)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Service)
        {
            Content = new StringContent(Intakes.CdsRequest(null, fhirServer: fhirServer, accessToken: accessToken).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ehr.Create(Base + Service));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["cards"]!.AsArray().Should().ContainSingle().Subject!;
    }

    private static async Task<LoopbackHost> FhirServer(string token, JsonObject bundle) =>
        await LoopbackHost.StartAsync(app => app.MapGet("/fhir/QuestionnaireResponse", (HttpContext http) =>
            http.Request.Headers.Authorization.ToString() == "Bearer " + token
                ? Results.Text(bundle.ToJsonString(), "application/fhir+json")
                : Results.StatusCode(StatusCodes.Status401Unauthorized)));
}

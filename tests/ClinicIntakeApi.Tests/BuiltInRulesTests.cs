using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicIntakeApi.Tests;

/// <summary>The app as shipped: appsettings.json, the built-in rule set.</summary>
public sealed class BuiltInRulesTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task PostAdvice_ContractExample_IsRecommendedByTheBuiltInRules()
    {
        var profile = Profiles.With("painIntensity", 6);
        profile["symptomWeeks"] = 5;
        profile["symptoms"] = new JsonArray("buttockPain", "radiatingLegPain", "worseWhenSitting");

        var response = await _client.PostAsJsonAsync("/advice", profile);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var advice = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        advice["status"]!.GetValue<string>().Should().Be("recommended");
        advice["ruleSet"]!["name"]!.GetValue<string>().Should().Be("sciatica-massage");
    }

    [Fact]
    public async Task CdsService_SaddleAnesthesia_IsACriticalCard()
    {
        var request = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/1", ["patientId"] = "1" },
            ["prefetch"] = new JsonObject { ["sciaticaProfile"] = Profiles.WithRedFlag("saddleAnesthesia") },
        };

        var response = await _client.PostAsJsonAsync("/cds-services/sciatica-massage-advice", request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!;
        card["indicator"]!.GetValue<string>().Should().Be("critical");
        card["source"]!["label"]!.GetValue<string>().Should().Contain("sciatica-massage");
    }
}

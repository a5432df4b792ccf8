using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicIntakeApi.Tests;

public sealed class CdsHooksTests(IntakeApiFactory factory) : IClassFixture<IntakeApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Discovery_ListsTheService()
    {
        var discovery = JsonNode.Parse(await _client.GetStringAsync("/cds-services"))!;

        var service = discovery["services"]!.AsArray().Should().ContainSingle().Subject!;
        service["id"]!.GetValue<string>().Should().Be("sciatica-massage-advice");
        service["hook"]!.GetValue<string>().Should().Be("patient-view");
        service["title"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        service["description"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        service["prefetch"]!["sciaticaProfile"].Should().NotBeNull();
    }

    [Theory]
    [InlineData(null, true, "info", "Massage advised")]
    [InlineData("saddleAnesthesia", true, "critical", "Emergency")]
    [InlineData("recentTrauma", true, "warning", "Urgent")]
    [InlineData(null, false, "warning", "Provisional")]
    public async Task Service_AnswersOneCardWhoseIndicatorFollowsTheAdvice(string? redFlag, bool approved, string indicator, string summaryStart)
    {
        var profile = redFlag is null ? Profiles.Valid() : Profiles.WithRedFlag(redFlag);
        profile["clinicianApproved"] = approved;

        var card = await CardFor(Request(prefetch: profile));

        card["indicator"]!.GetValue<string>().Should().Be(indicator);
        var summary = card["summary"]!.GetValue<string>();
        summary.Should().StartWith(summaryStart);
        summary.Length.Should().BeLessThanOrEqualTo(140);
    }

    [Fact]
    public async Task Card_DetailIsMarkdownAndSourceNamesTheRuleSetAndVersion()
    {
        var card = await CardFor(Request(prefetch: Profiles.Valid()));

        card["detail"]!.GetValue<string>().Should().Contain("**").And.Contain("1. **shiatsu**").And.Contain("tingling");
        card["source"]!["label"]!.GetValue<string>().Should().Contain("intake-test-rules").And.Contain("1.2.3");
        card["uuid"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Service_ReadsTheProfileFromTheContextWhenNotPrefetched()
    {
        var card = await CardFor(Request(context: Profiles.WithRedFlag("saddleAnesthesia")));

        card["indicator"]!.GetValue<string>().Should().Be("critical");
    }

    [Fact]
    public async Task Service_PrefersThePrefetchedProfile()
    {
        var card = await CardFor(Request(prefetch: Profiles.Valid(), context: Profiles.WithRedFlag("saddleAnesthesia")));

        card["indicator"]!.GetValue<string>().Should().Be("info");
    }

    [Fact]
    public async Task Service_InvalidProfile_AnswersEveryErrorWithItsPathInTheRequest()
    {
        var response = await _client.PostAsJsonAsync("/cds-services/sciatica-massage-advice", Request(prefetch: Profiles.With("painIntensity", 11)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["errors"]!.AsArray().Should().ContainSingle().Which!["path"]!.GetValue<string>().Should().Be("$.prefetch.sciaticaProfile.painIntensity");
    }

    [Fact]
    public async Task Service_NoProfile_AnswersBadRequest()
    {
        var response = await _client.PostAsJsonAsync("/cds-services/sciatica-massage-advice", Request());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("sciaticaProfile");
    }

    [Fact]
    public async Task Service_NoContext_AnswersBadRequest()
    {
        var response = await _client.PostAsJsonAsync("/cds-services/sciatica-massage-advice", new JsonObject { ["hook"] = "patient-view" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("context");
    }

    [Fact]
    public async Task Service_NotJson_AnswersBadRequest()
    {
        var response = await _client.PostAsync("/cds-services/sciatica-massage-advice", new StringContent("not json", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Service_AllowsCrossOriginCallsFromAnEhr()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/cds-services/sciatica-massage-advice");
        preflight.Headers.Add("Origin", "https://ehr.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await _client.SendAsync(preflight);

        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }

    [Fact]
    public async Task AdviceEndpoint_DoesNotAllowCrossOriginCalls()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/schemas/profile");
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await _client.SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private static JsonObject Request(JsonObject? prefetch = null, JsonObject? context = null)
    {
        var ctx = new JsonObject { ["userId"] = "Practitioner/1", ["patientId"] = "1" };
        if (context is not null)
        {
            ctx["sciaticaProfile"] = context;
        }

        var request = new JsonObject { ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(), ["context"] = ctx };
        if (prefetch is not null)
        {
            request["prefetch"] = new JsonObject { ["sciaticaProfile"] = prefetch };
        }

        return request;
    }

    private async Task<JsonNode> CardFor(JsonObject request)
    {
        var response = await _client.PostAsJsonAsync("/cds-services/sciatica-massage-advice", request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        cards.Should().ContainSingle();
        return cards[0]!;
    }
}

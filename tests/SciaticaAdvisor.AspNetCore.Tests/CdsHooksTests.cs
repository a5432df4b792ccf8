using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;
using SciaticaAdvisor.Fhir;

namespace SciaticaAdvisor.AspNetCore.Tests;

public sealed class CdsHooksTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private const string Service = "/cds-services/sciatica-massage-advice";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Discovery_OffersThePatientViewServiceWithTheIntakePrefetch()
    {
        var discovery = JsonNode.Parse(await _client.GetStringAsync("/cds-services"))!;

        var service = discovery["services"]!.AsArray().Should().ContainSingle().Subject!;
        service["id"]!.GetValue<string>().Should().Be("sciatica-massage-advice");
        service["hook"]!.GetValue<string>().Should().Be("patient-view");
        var template = service["prefetch"]!["intake"]!.GetValue<string>();
        template.Should().StartWith("QuestionnaireResponse?").And.Contain("{{context.patientId}}").And.Contain("questionnaire=" + IntakeQuestionnaire.Url).And.Contain("_sort=-authored");
    }

    [Theory]
    [InlineData(null, "info", "Massage advised")]
    [InlineData("saddleAnesthesia", "critical", "Emergency")]
    [InlineData("recentTrauma", "warning", "Urgent")]
    public async Task Service_PrefetchBundle_AnswersACardWhoseIndicatorFollowsTheAdvice(string? redFlag, string indicator, string summaryStart)
    {
        var intake = Intakes.Bundle(Intakes.Response(redFlags: redFlag is null ? null : [redFlag]));

        var card = await CardFor(Intakes.CdsRequest(intake));

        card["indicator"]!.GetValue<string>().Should().Be(indicator);
        card["summary"]!.GetValue<string>().Should().StartWith(summaryStart).And.HaveLength(Math.Min(card["summary"]!.GetValue<string>().Length, 140));
    }

    [Fact]
    public async Task Service_PrefetchedQuestionnaireResponse_IsReadToo()
    {
        var card = await CardFor(Intakes.CdsRequest(Intakes.Response()));

        card["summary"]!.GetValue<string>().Should().Be("Massage advised: Deep tissue massage, firm pressure.");
    }

    [Fact]
    public async Task Card_CarriesEverythingCdsHooksAsksFor_InPlainWords()
    {
        var card = await CardFor(Intakes.CdsRequest(Intakes.Response()));

        Guid.TryParse(card["uuid"]!.GetValue<string>(), out _).Should().BeTrue();
        card["source"]!["label"]!.GetValue<string>().Should().Contain("sciatica-massage");
        card["source"]!["url"]!.GetValue<string>().Should().EndWith("/about");
        card["overrideReasons"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(r => r!["code"] != null && r["system"] != null && r["display"] != null);
        card["links"]!.AsArray().Select(l => l!["url"]!.GetValue<string>()).Should().Contain(u => u.EndsWith('/')).And.Contain(u => u.EndsWith("/about"));
        card["links"]!.AsArray().Should().OnlyContain(l => l!["type"]!.GetValue<string>() == "absolute");
        var detail = card["detail"]!.GetValue<string>();
        detail.Should().Contain("1. **Deep tissue massage**, firm pressure").And.Contain("deep buttock muscle (piriformis)").And.NotContain("deepTissue").And.NotContain("piriformisSyndrome");
    }

    [Theory]
    [InlineData(true, false, "approves massage", "diagnosis")]
    [InlineData(false, true, "confirms the diagnosis", "approves")]
    public async Task Card_SummaryOfAProvisionalPlan_NamesOnlyWhatIsMissing(bool diagnosed, bool approved, string says, string doesNotSay)
    {
        var card = await CardFor(Intakes.CdsRequest(Intakes.Response(diagnosed: diagnosed, approved: approved)));

        card["indicator"]!.GetValue<string>().Should().Be("warning");
        card["summary"]!.GetValue<string>().Should().StartWith("Provisional").And.Contain(says).And.NotContain(doesNotSay);
    }

    [Fact]
    public async Task Card_ForAnEmergency_SuggestsCreatingTheReferralServiceRequest()
    {
        var card = await CardFor(Intakes.CdsRequest(Intakes.Response(redFlags: ["bowelOrBladderDysfunction"])));

        var action = card["suggestions"]!.AsArray().Should().ContainSingle().Subject!["actions"]!.AsArray().Should().ContainSingle().Subject!;
        action["type"]!.GetValue<string>().Should().Be("create");
        action["resource"]!["resourceType"]!.GetValue<string>().Should().Be("ServiceRequest");
        action["resource"]!["subject"]!["reference"]!.GetValue<string>().Should().Be("Patient/p1");
        action["resource"]!["priority"]!.GetValue<string>().Should().Be("stat");
        card["detail"]!.GetValue<string>().Should().Contain("Emergency");
    }

    [Fact]
    public async Task Service_NoCompletedIntake_AnswersACardThatSaysSo()
    {
        var card = await CardFor(Intakes.CdsRequest(Intakes.Bundle(Intakes.Response(status: "in-progress"))));

        card["indicator"]!.GetValue<string>().Should().Be("info");
        card["summary"]!.GetValue<string>().Should().Contain("No completed sciatica intake");
    }

    [Fact]
    public async Task Service_NullPrefetch_SearchesTheFhirServerWithTheBearerToken()
    {
        string? seenQuery = null;
        await using var fhir = await FhirServer("token-123", q => seenQuery = q, Intakes.Bundle(Intakes.Response(redFlags: ["saddleAnesthesia"])));

        var card = await CardFor(Intakes.CdsRequest(null, fhirServer: fhir.Url + "/fhir", accessToken: "token-123"));

        card["indicator"]!.GetValue<string>().Should().Be("critical");
        seenQuery.Should().Contain("subject=Patient/p1").And.Contain("questionnaire=" + IntakeQuestionnaire.Url);
    }

    [Fact]
    public async Task Service_AbsentPrefetch_SearchesTheFhirServerToo()
    {
        await using var fhir = await FhirServer("token-123", _ => { }, Intakes.Bundle(Intakes.Response()));

        var card = await CardFor(Intakes.CdsRequest(null, fhirServer: fhir.Url + "/fhir", accessToken: "token-123", prefetch: false));

        card["indicator"]!.GetValue<string>().Should().Be("info");
        card["summary"]!.GetValue<string>().Should().StartWith("Massage advised");
    }

    [Fact]
    public async Task Service_FhirServerRefusesTheToken_AnswersACardThatTheIntakeCouldNotBeRead()
    {
        await using var fhir = await FhirServer("token-123", _ => { }, Intakes.Bundle(Intakes.Response()));

        var card = await CardFor(Intakes.CdsRequest(null, fhirServer: fhir.Url + "/fhir", accessToken: "wrong"));

        card["summary"]!.GetValue<string>().Should().Contain("could not be read");
        card["detail"]!.GetValue<string>().Should().Contain("refused the access token");
    }

    [Fact]
    public async Task Service_FhirServerUnreachable_AnswersACardThatTheIntakeCouldNotBeRead()
    {
        string url;
        await using (var gone = await FhirServer("t", _ => { }, Intakes.Bundle()))
        {
            url = gone.Url;
        }

        var card = await CardFor(Intakes.CdsRequest(null, fhirServer: url + "/fhir", accessToken: "t"));

        card["summary"]!.GetValue<string>().Should().Contain("could not be read");
    }

    [Fact]
    public async Task Service_PrefetchThatFailed_AnswersACardSayingSo_AndDoesNotSearchAgain()
    {
        var asked = false;
        await using var fhir = await FhirServer("token-123", _ => asked = true, Intakes.Bundle(Intakes.Response()));
        var outcome = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "timeout" }),
        };

        var card = await CardFor(Intakes.CdsRequest(outcome, fhirServer: fhir.Url + "/fhir", accessToken: "token-123"));

        card["indicator"]!.GetValue<string>().Should().Be("warning");
        card["detail"]!.GetValue<string>().Should().Contain("the EHR could not fetch the intake");
        asked.Should().BeFalse("CDS Hooks 2.0: an OperationOutcome in the prefetch spares the service a follow-up query");
    }

    [Theory]
    [InlineData("order-sign", "$.hook")]
    [InlineData("", "$.hook")]
    public async Task Service_AnotherHook_Is400(string hook, string path)
    {
        var response = await _client.PostAsync(Service, Json(Intakes.CdsRequest(Intakes.Response(), hook: hook)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorPaths(response)).Should().Contain(path);
    }

    [Theory]
    [InlineData("hookInstance", "$.hookInstance")]
    [InlineData("context", "$.context")]
    public async Task Service_WithoutAPartTheHookNeeds_Is400(string remove, string path)
    {
        var request = Intakes.CdsRequest(Intakes.Response());
        request.Remove(remove);

        var response = await _client.PostAsync(Service, Json(request));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorPaths(response)).Should().Contain(path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("../Patient/x?_format=xml")]
    public async Task Service_WithoutAUsablePatientId_Is400(string? patientId)
    {
        var request = Intakes.CdsRequest(Intakes.Response());
        request["context"]!["patientId"] = patientId;

        var response = await _client.PostAsync(Service, Json(request));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorPaths(response)).Should().Contain("$.context.patientId");
    }

    [Fact]
    public async Task Service_InvalidUtf8InThePrefetch_Is400_AndLogsNoException()
    {
        var bytes = Encoding.UTF8.GetBytes(Intakes.CdsRequest(Intakes.Response(cause: "piriformisSyndrome")).ToJsonString());
        var at = bytes.AsSpan().IndexOf("piriformis"u8);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var response = await _client.PostAsync(Service, Bytes(bytes));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        factory.Logs.Entries.Should().NotContain(e => e.Exception != null || e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Service_ProblemNeverEchoesTheRequest_AndStaysSmall_ForAOneMegabyteRequest()
    {
        var health = "history of cancer and pregnancy " + new string('h', 900_000);
        var json = Intakes.CdsRequest(Intakes.Response()).ToJsonString();
        var broken = json[..^1] + $",\"note\":\"{health}\",}}";

        var response = await _client.PostAsync(Service, new StringContent(broken, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Length.Should().BeLessThan(1_000);
        body.Should().NotContain("cancer").And.NotContain("hhhh");
    }

    [Fact]
    public async Task Feedback_IsAccepted_CountedInMetrics_AndLoggedWithoutContent()
    {
        var counted = new List<(long Value, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SciaticaServiceMetrics.MeterName && instrument.Name == SciaticaServiceMetrics.CdsFeedback)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => counted.Add((value, (string)tags.ToArray().Single(t => t.Key == SciaticaServiceMetrics.OutcomeTag).Value!)));
        listener.Start();
        var card = Guid.NewGuid().ToString();
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(
                new JsonObject { ["card"] = card, ["outcome"] = "accepted", ["acceptedSuggestions"] = new JsonArray(), ["outcomeTimestamp"] = "2026-12-01T10:00:00Z" },
                new JsonObject { ["card"] = card, ["outcome"] = "overridden", ["overrideReason"] = new JsonObject { ["userComment"] = "patient is pregnant" }, ["outcomeTimestamp"] = "2026-12-01T10:01:00Z" }),
        };

        var response = await _client.PostAsync(Service + "/feedback", Json(feedback));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        counted.Should().Contain((1, "accepted")).And.Contain((1, "overridden"));
        factory.Logs.Entries.Should().Contain(e => e.Message.Contains("CDS feedback: 2 entries", StringComparison.Ordinal));
        factory.Logs.Entries.Should().NotContain(e => e.Message.Contains("pregnant", StringComparison.Ordinal) || e.Message.Contains(card, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feedback_WithAnUnknownOutcome_Is400()
    {
        var feedback = new JsonObject { ["feedback"] = new JsonArray(new JsonObject { ["card"] = "c", ["outcome"] = "ignored" }) };

        var response = await _client.PostAsync(Service + "/feedback", Json(feedback));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorPaths(response)).Should().Contain("$.feedback[0].outcome");
    }

    [Fact]
    public async Task Logs_OfACdsCall_CarryNoPatientOrIntakeContent()
    {
        await CardFor(Intakes.CdsRequest(Intakes.Response(redFlags: ["historyOfCancer"])));

        factory.Logs.Entries.Should().NotContain(e => e.Message.Contains("historyOfCancer", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("p1", StringComparison.Ordinal));
    }

    private static async Task<LoopbackHost> FhirServer(string token, Action<string> seen, JsonObject bundle) =>
        await LoopbackHost.StartAsync(app => app.MapGet("/fhir/QuestionnaireResponse", (HttpContext http) =>
        {
            seen(Uri.UnescapeDataString(http.Request.QueryString.Value ?? ""));
            return http.Request.Headers.Authorization.ToString() == "Bearer " + token
                ? Results.Text(bundle.ToJsonString(), "application/fhir+json")
                : Results.StatusCode(StatusCodes.Status401Unauthorized);
        }));

    private static async Task<string[]> ErrorPaths(HttpResponseMessage response) =>
        [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>())];

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private async Task<JsonNode> CardFor(JsonObject request)
    {
        var response = await _client.PostAsync(Service, Json(request));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["cards"]!.AsArray().Should().ContainSingle().Subject!;
    }
}

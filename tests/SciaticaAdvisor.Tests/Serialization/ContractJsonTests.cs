using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Serialization;

/// <summary>Any System.Text.Json caller gets the contract's JSON, not only <see cref="AdvisorJson"/>: enums carry their camelCase converters.</summary>
public sealed class ContractJsonTests
{
    private static readonly SymptomProfile Acute = new()
    {
        Cause = SciaticaCause.HerniatedDisc,
        Flare = FlareState.Acute,
        PainSensitivity = PainSensitivity.High,
        PainIntensity = 8,
        Symptoms = [Symptom.RadiatingLegPain, Symptom.Tingling],
        Conditions = [HealthCondition.Anticoagulants],
        AvoidStyles = [MassageStyle.Shiatsu],
    };

    public static TheoryData<string> Advices => ["every-enum-name", "acute-flare", "red-flag"];

    [Theory]
    [MemberData(nameof(Advices))]
    public void PlainWebOptions_WriteTheContractsJson(string name)
    {
        var advice = Sample(name);

        var json = JsonSerializer.Serialize(advice, JsonSerializerOptions.Web);

        json.Should().Be(AdvisorJson.Serialize(advice));
        json.Should().NotContain("\"status\":1").And.NotContain("\"style\":1");
    }

    [Fact]
    public void EveryPublicEnum_CarriesItsCamelCaseConverter()
    {
        var enums = typeof(Advisor).Assembly.GetExportedTypes().Where(t => t.IsEnum).ToList();

        enums.Should().Contain(typeof(AdviceStatus)).And.Contain(typeof(SciaticaCause));
        enums.Should().OnlyContain(e => e.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonConverterAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonConverterAttribute>()
            .Any(a => a.ConverterType == typeof(SciaticaAdvisor.Contract.CamelCaseEnumConverter<>).MakeGenericType(e)));
    }

    [Theory]
    [MemberData(nameof(Advices))]
    public void WithoutProvenance_LeavesNoRuleIdOrRuleSetInAnySection(string name)
    {
        var advice = Sample(name);
        using var document = JsonDocument.Parse(AdvisorJson.Serialize(advice.WithoutProvenance()));

        // Walk the whole document, so a section added later with rule ids fails here rather than in 'diff'.
        Values(document.RootElement, "ruleIds").Should().OnlyContain(ids => ids.GetArrayLength() == 0);
        Values(document.RootElement, "trace").Should().OnlyContain(trace => trace.GetArrayLength() == 0);
        document.RootElement.GetProperty("ruleSet").GetProperty("sha256").GetString().Should().BeEmpty();
        AdvisorJson.Serialize(advice).Should().Contain("\"ruleIds\":[\"", "the sample must carry rule ids for this test to mean anything");
    }

    [Fact]
    public void PlainWebOptions_WriteAProfileAsTheContractDoes()
    {
        JsonSerializer.Serialize(Acute, JsonSerializerOptions.Web).Should().Be(AdvisorJson.Serialize(Acute));
    }

    [Fact]
    public void PlainWebOptions_RefuseAnEnumWrittenAsANumber()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(AdvisorJson.Serialize(Sample("acute-flare")), "\"status\":\"[a-zA-Z]+\"", "\"status\":1");
        json.Should().Contain("\"status\":1");

        var act = () => JsonSerializer.Deserialize<MassageAdvice>(json, JsonSerializerOptions.Web);

        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void ThePublishedTypeInfo_WritesAndReadsTheContractsJson()
    {
        var advice = Sample("every-enum-name");

        var json = JsonSerializer.Serialize(advice, AdvisorJson.AdviceTypeInfo);

        json.Should().Be(AdvisorJson.Serialize(advice));
        AdvisorJson.Serialize(JsonSerializer.Deserialize(json, AdvisorJson.AdviceTypeInfo)!).Should().Be(json);
        JsonSerializer.Serialize(Acute, AdvisorJson.Options).Should().Be(AdvisorJson.Serialize(Acute));
    }

    [Theory]
    [MemberData(nameof(Advices))]
    public async Task ResultsOk_InAMinimalApi_ServesTheContractsJson(string name)
    {
        var advice = Sample(name);
        await using var app = await StartAsync(advice);
        using var client = app.GetTestClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var body = await client.GetStringAsync(new Uri("/advice", UriKind.Relative), timeout.Token);

        body.Should().Be(AdvisorJson.Serialize(advice));
    }

    private static IEnumerable<JsonElement> Values(JsonElement element, string property) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == property ? [p.Value] : Values(p.Value, property)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Values(e, property)),
        _ => [],
    };

    private static async Task<WebApplication> StartAsync(MassageAdvice advice)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        app.MapGet("/advice", () => Results.Ok(advice));
        await app.StartAsync();
        return app;
    }

    private static MassageAdvice Sample(string name) => name switch
    {
        "every-enum-name" => AdviceSamples.WithEveryEnumName(),
        "acute-flare" => Advisor.CreateDefault().Advise(Acute),
        _ => Advisor.CreateDefault().Advise(Acute with { RedFlags = [RedFlag.SaddleAnesthesia] }),
    };
}

using System.Text.Json;
using Json.Schema;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Serialization;

/// <summary>The published profile schema and the reader accept and reject the same documents.</summary>
public sealed class JsonSchemaAgreementTests
{
    private static readonly JsonSchema ProfileSchema = JsonSchema.FromText(JsonSchemas.Profile);

    public static TheoryData<string, string> ValidProfiles => new()
    {
        { "minimal", ProfileJson.Minimal().Build() },
        { "contract example", ProfileJson.ContractExample().Build() },
        { "every property", ProfileJson.Full().Build() },
        { "nulls for optional properties", ProfileJson.Minimal().WithNull("symptomWeeks").WithNull("symptoms").WithNull("diagnosisConfirmed").Build() },
        { "bounds", ProfileJson.Minimal().With("painIntensity", 10).With("symptomWeeks", 520).With("weeksInTreatment", 0).Build() },
        { "every red flag", ProfileJson.Minimal().WithSet("redFlags", "saddleAnesthesia", "bowelOrBladderDysfunction", "progressiveWeakness", "fever", "unexplainedWeightLoss", "historyOfCancer", "recentTrauma").Build() },
        { "every avoided style", ProfileJson.Minimal().WithSet("avoidStyles", "shiatsu", "deepTissue", "lomiLomi", "relaxation", "reflexology").Build() },
    };

    public static TheoryData<string, string> InvalidProfiles => new()
    {
        { "unknown property", ProfileJson.Minimal().With("mood", "grumpy").Build() },
        { "unknown enum value", ProfileJson.Minimal().With("flare", "acut").Build() },
        { "unknown set value", ProfileJson.Minimal().WithSet("conditions", "flu").Build() },
        { "enum in PascalCase", ProfileJson.Minimal().With("cause", "Unknown").Build() },
        { "string for integer", ProfileJson.Minimal().With("painIntensity", "6").Build() },
        { "string for boolean", ProfileJson.Minimal().With("clinicianApproved", "true").Build() },
        { "string for set", ProfileJson.Minimal().With("symptoms", "tingling").Build() },
        { "fractional number", ProfileJson.Minimal().WithRaw("painIntensity", "6.5").Build() },
        { "above range", ProfileJson.Minimal().With("painIntensity", 11).Build() },
        { "below range", ProfileJson.Minimal().With("symptomWeeks", -1).Build() },
        { "weeks above range", ProfileJson.Minimal().With("weeksInTreatment", 521).Build() },
        { "duplicate in set", ProfileJson.Minimal().WithSet("symptoms", "tingling", "tingling").Build() },
        { "missing cause", ProfileJson.Minimal().Without("cause").Build() },
        { "missing painIntensity", ProfileJson.Minimal().Without("painIntensity").Build() },
        { "null cause", ProfileJson.Minimal().WithNull("cause").Build() },
        { "null painIntensity", ProfileJson.Minimal().WithNull("painIntensity").Build() },
        { "not an object", "[1, 2]" },
        { "null document", "null" },
    };

    [Theory]
    [MemberData(nameof(ValidProfiles))]
    public void ValidProfile_IsAcceptedBySchemaAndReader(string because, string json)
    {
        ProfileReader.TryRead(json).Errors.Should().BeEmpty(because);
        SchemaAccepts(json).Should().BeTrue(because);
    }

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public void InvalidProfile_IsRejectedBySchemaAndReader(string because, string json)
    {
        ProfileReader.TryRead(json).IsValid.Should().BeFalse(because);
        SchemaAccepts(json).Should().BeFalse(because);
    }

    /// <summary>
    /// JSON Schema's data model reads <c>3.0</c> as the integer 3, so the schema cannot tell what the
    /// contract forbids; the reader is the stricter of the two here, and this test pins that down.
    /// </summary>
    [Theory]
    [InlineData("3.0")]
    [InlineData("3e0")]
    public void IntegralNumberWithFractionOrExponent_IsRejectedOnlyByTheReader(string raw)
    {
        var json = ProfileJson.Minimal().WithRaw("painIntensity", raw).Build();

        ProfileReader.TryRead(json).IsValid.Should().BeFalse();
        SchemaAccepts(json).Should().BeTrue();
    }

    [Fact]
    public void ProfileSchema_IsValidDraft202012Schema() =>
        MetaSchemaAccepts(JsonSchemas.Profile).Should().BeTrue();

    [Fact]
    public void AdviceSchema_IsValidDraft202012Schema() =>
        MetaSchemaAccepts(JsonSchemas.Advice).Should().BeTrue();

    [Fact]
    public void MetaSchemaCheck_RejectsAnInvalidSchema() =>
        MetaSchemaAccepts("{\"type\": \"integr\", \"minimum\": \"zero\"}").Should().BeFalse();

    [Fact]
    public void AdviceSchema_AcceptsAnAdviceTheLibraryWrites()
    {
        var schema = JsonSchema.FromText(JsonSchemas.Advice);
        using var advice = JsonDocument.Parse(AdvisorJson.Serialize(AdviceSamples.WithEveryEnumName()));

        schema.Evaluate(advice.RootElement).IsValid.Should().BeTrue();
    }

    [Fact]
    public void AdviceSchema_RejectsAnAdviceWithoutStatus()
    {
        var schema = JsonSchema.FromText(JsonSchemas.Advice);
        var json = AdvisorJson.Serialize(AdviceSamples.WithEveryEnumName()).Replace("\"status\":\"clearanceNeeded\",", string.Empty, StringComparison.Ordinal);
        using var advice = JsonDocument.Parse(json);

        schema.Evaluate(advice.RootElement).IsValid.Should().BeFalse();
    }

    [Fact]
    public void ProfileSchema_NamesTheDraftAndTitle()
    {
        using var schema = JsonDocument.Parse(JsonSchemas.Profile);

        schema.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        schema.RootElement.GetProperty("title").GetString().Should().Be("SymptomProfile");
    }

    private static bool SchemaAccepts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ProfileSchema.Evaluate(document.RootElement).IsValid;
    }

    private static bool MetaSchemaAccepts(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        return MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;
    }
}

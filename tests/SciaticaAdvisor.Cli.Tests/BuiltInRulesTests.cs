using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests;

/// <summary>The tool with the real rule engine and the built-in rule set (rules/sciatica-massage.yaml) behind it.</summary>
public sealed class BuiltInRulesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Advise_ContractExample_WritesAdviceFromTheBuiltInRules()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Recommended);
        advice.Styles.Select(s => s.Rank).Should().Equal(Enumerable.Range(1, advice.Styles.Length));
        advice.RuleSet.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Advise_RedFlags_Refers()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/red-flags.json"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
    }

    [Fact]
    public async Task Advise_DefaultLayerNamedExplicitly_GivesTheSameAdvice()
    {
        var profile = Repository.PathOf("samples/profiles/acute-disc.json");

        var implicitRules = await Tool.RunAsync("advise", profile);
        var explicitRules = await Tool.RunAsync("advise", profile, "--rules", "@default");

        implicitRules.ExitCode.Should().Be(0, implicitRules.Stderr);
        explicitRules.Stdout.Should().Be(implicitRules.Stdout);
    }

    [Fact]
    public async Task Advise_ClinicLayerOverTheDefault_ListsBothLayers()
    {
        var result = await Tool.RunAsync(
            "advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", "@default", "--rules", TestRules.Gentle);

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.RuleSet.Name.Should().Be("cli-gentle");
        advice.RuleSet.Layers!.Value.Should().HaveCount(2);
    }

    [Fact]
    public async Task Batch_SampleIntake_AdvisesTheValidLinesAndReportsTheRest()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.jsonl"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.StdoutLines.Should().HaveCount(6);
        LinesOfErrors(result.StdoutLines).Should().Equal(3, 5);
        result.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(@"^4 advised, 2 invalid, \d+ referral, \d+ clearanceNeeded in \d+\.\d\d s$");
    }

    [Fact]
    public async Task Batch_SampleCsv_AnswersEveryRecord()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.csv"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.StdoutLines.Should().HaveCount(4);
        LinesOfErrors(result.StdoutLines).Should().Equal(5);
    }

    [Fact]
    public async Task Explain_AcuteFlare_SaysTheFlareRulesAvoidDeepTissueAndLowerShiatsu()
    {
        var profile = ProfileJson.ContractExample().With("flare", "acute").With("painIntensity", 8);

        var whyNot = await WhyNotAsync(profile);

        whyNot["deepTissue"].Why.Should().Be("avoided");
        whyNot["deepTissue"].RuleIds.Should().Contain("acute-flare-no-deep-tissue");
        whyNot["shiatsu"].Why.Should().Be("lowered");
        whyNot["shiatsu"].RuleIds.Should().Contain("acute-flare-shiatsu-caution");
    }

    [Fact]
    public async Task Explain_HighSensitivity_SaysTheSensitivityRuleAvoidsDeepTissue()
    {
        var profile = ProfileJson.ContractExample().With("painSensitivity", "high");

        var whyNot = await WhyNotAsync(profile);

        whyNot["deepTissue"].Why.Should().Be("avoided");
        whyNot["deepTissue"].RuleIds.Should().Contain("high-sensitivity-no-deep-tissue");
    }

    [Fact]
    public async Task Explain_RedFlags_EveryStyleWaitsForTheReferral()
    {
        var result = await Tool.RunAsync("explain", Repository.PathOf("samples/profiles/red-flags.json"), "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var whyNot = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("whyNot").EnumerateArray().ToList();
        whyNot.Should().HaveCount(5).And.OnlyContain(w => w.GetProperty("why").GetString() == "referral" || w.GetProperty("why").GetString() == "avoided");
    }

    [Fact]
    public async Task Explain_Text_ShowsTheAcuteFlareRuleBesideDeepTissue()
    {
        var path = _files.Write("acute.json", ProfileJson.ContractExample().With("flare", "acute").With("painIntensity", 8).Build());

        var result = await Tool.RunAsync("explain", path);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().NotContain("\u001b");
        result.StdoutLines.Should().Contain(l => l.Contains("deepTissue", StringComparison.Ordinal) && l.Contains("acute-flare-no-deep-tissue", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, (string? Why, List<string?> RuleIds)>> WhyNotAsync(ProfileJson profile)
    {
        var path = _files.Write("profile.json", profile.Build());
        var result = await Tool.RunAsync("explain", path, "--format", "json");
        result.ExitCode.Should().Be(0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("whyNot").EnumerateArray().ToDictionary(
            w => w.GetProperty("style").GetString()!,
            w => (w.GetProperty("why").GetString(), w.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList()));
    }

    private static IEnumerable<int> LinesOfErrors(IEnumerable<string> answers) => answers
        .Select(a => JsonDocument.Parse(a).RootElement)
        .Where(e => e.TryGetProperty("line", out _))
        .Select(e => e.GetProperty("line").GetInt32());
}

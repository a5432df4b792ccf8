using System.Text.Json;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>explain</c> through the real engine, with a small rule set that shows each reason a style is missing or lowered.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public async Task Explain_AcuteFlare_NamesTheRuleThatAvoidsDeepTissue()
    {
        var whyNot = await WhyNotAsync(ProfileJson.Minimal().With("flare", "acute"));

        var deepTissue = whyNot.Single(w => w.GetProperty("style").GetString() == "deepTissue");
        deepTissue.GetProperty("why").GetString().Should().Be("avoided");
        deepTissue.GetProperty("reason").GetString().Should().Contain("no deep massage during an acute flare");
        RuleIds(deepTissue).Should().Equal("acute-flare-no-deep-tissue");
        deepTissue.GetProperty("rules")[0].GetProperty("name").GetString().Should().Be("No deep tissue in an acute flare");
    }

    [Fact]
    public async Task Explain_HighSensitivity_NamesTheRuleWhoseCautionLoweredShiatsu()
    {
        var whyNot = await WhyNotAsync(ProfileJson.Minimal().With("painSensitivity", "high"));

        var shiatsu = whyNot.Should().ContainSingle(w => w.GetProperty("style").GetString() == "shiatsu").Subject;
        shiatsu.GetProperty("why").GetString().Should().Be("lowered");
        RuleIds(shiatsu).Should().Equal("high-sensitivity-shiatsu-caution");
    }

    [Fact]
    public async Task Explain_NoRuleRecommends_SaysSoWithoutRules()
    {
        var whyNot = await WhyNotAsync(ProfileJson.Minimal());

        var lomiLomi = whyNot.Single(w => w.GetProperty("style").GetString() == "lomiLomi");
        lomiLomi.GetProperty("why").GetString().Should().Be("notRecommended");
        RuleIds(lomiLomi).Should().BeEmpty();
        whyNot.Select(w => w.GetProperty("style").GetString()).Should().Equal("lomiLomi", "reflexology");
    }

    [Fact]
    public async Task Explain_UrgentReferral_EveryStyleWaitsForTheReferringRule()
    {
        var whyNot = await WhyNotAsync(ProfileJson.Minimal().WithSet("redFlags", "fever"));

        whyNot.Should().HaveCount(5).And.OnlyContain(w => w.GetProperty("why").GetString() == "referral");
        RuleIds(whyNot[0]).Should().Equal("fever-urgent");
    }

    [Fact]
    public async Task Explain_Json_CarriesTheAdviceExactlyAsAdviseWritesIt()
    {
        var profile = ProfileJson.ContractExample().Build();

        var explained = await Tool.RunAsync(["explain", "--format", "json", "--rules", TestRules.Explain], profile);
        var advised = await Tool.RunAsync(["advise", "--rules", TestRules.Explain], profile);

        explained.ExitCode.Should().Be(0, explained.Stderr);
        explained.StdoutLines.Should().ContainSingle();
        using var document = JsonDocument.Parse(explained.Stdout);
        document.RootElement.GetProperty("advice").GetRawText().Should().Be(advised.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public async Task Explain_TextRedirected_HasTheTablesAndNoAnsiCodes()
    {
        var result = await Tool.RunAsync(
            ["explain", "--rules", TestRules.Explain], ProfileJson.Minimal().With("flare", "acute").With("painSensitivity", "high").Build());

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().NotContain("\u001b");
        result.StdoutLines[0].Should().Be("Status: clearanceNeeded");
        result.Stdout.Should().Contain("Recommended styles").And.Contain("Contraindications").And.Contain("Plan")
            .And.Contain("Referral").And.Contain("Notes").And.Contain("Why not");
        result.StdoutLines.Should().Contain(l => l.Contains("deepTissue", StringComparison.Ordinal) && l.Contains("acute-flare-no-deep-tissue: No deep tissue in an acute flare", StringComparison.Ordinal));
        result.StdoutLines.Should().Contain(l => l.Contains("corrective (now)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_InvalidProfile_ExitsTwoWithPathMessageLines()
    {
        var result = await Tool.RunAsync(["explain", "--rules", TestRules.Explain], ProfileJson.Minimal().With("painIntensity", 11).Build());

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal("$.painIntensity: must be between 0 and 10, was 11");
    }

    [Theory]
    [InlineData]
    [InlineData("-")]
    public async Task Explain_NoFileOrDash_ReadsStandardInput(params string[] file)
    {
        var result = await Tool.RunAsync(["explain", .. file, "--format", "json", "--rules", TestRules.Explain], ProfileJson.Minimal().Build());

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("advice").GetProperty("status").GetString().Should().Be("clearanceNeeded");
    }

    [Fact]
    public async Task Explain_MissingProfileFile_ExitsTwoNamingIt()
    {
        var result = await Tool.RunAsync("explain", "absent-profile.json", "--rules", TestRules.Explain);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("sciatica-advisor: cannot read 'absent-profile.json': the file does not exist");
    }

    [Fact]
    public async Task Explain_MissingRuleFile_ExitsTwoNamingIt()
    {
        var result = await Tool.RunAsync(["explain", "--rules", "absent-rules.yaml"], ProfileJson.Minimal().Build());

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Be("absent-rules.yaml: the rule file does not exist");
    }

    [Fact]
    public async Task Explain_RuleSetFault_ExitsOneWithoutAStackTrace()
    {
        // The gentle rules never cap pressure: reflexology's moderate pressure in an acute flare breaks an invariant.
        var profile = ProfileJson.Minimal().With("flare", "acute").WithSet("symptoms", "worseWhenSitting");

        var result = await Tool.RunAsync(["explain", "--rules", TestRules.Gentle], profile.Build());

        result.ExitCode.Should().Be(1);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("sciatica-advisor: fault: ");
    }

    [Fact]
    public async Task Explain_UnknownFormat_IsUsageErrorExitTwo()
    {
        var result = await Tool.RunAsync(["explain", "--format", "yaml"], ProfileJson.Minimal().Build());

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("yaml");
    }

    private static async Task<JsonElement[]> WhyNotAsync(ProfileJson profile)
    {
        var result = await Tool.RunAsync(["explain", "--format", "json", "--rules", TestRules.Explain], profile.Build());
        result.ExitCode.Should().Be(0, result.Stderr);
        return [.. JsonDocument.Parse(result.Stdout).RootElement.GetProperty("whyNot").EnumerateArray().Select(e => e.Clone())];
    }

    private static IEnumerable<string?> RuleIds(JsonElement whyNot) =>
        whyNot.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString());
}

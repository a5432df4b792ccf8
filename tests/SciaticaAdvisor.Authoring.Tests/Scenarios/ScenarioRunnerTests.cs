using FluentAssertions;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>The runner advises on a scenario's profile and turns every unmet expectation, unknown rule id or rule-set fault into a failure message.</summary>
public sealed class ScenarioRunnerTests
{
    private const string TinyRules = """
        name: tiny
        version: 0.0.1
        rules:
          - id: shiatsu-candidate
            name: Shiatsu is a candidate
            guidance: G8
            then:
              - recommend: { style: shiatsu, score: 10, rationale: It suits. }
              - recommend: { style: deepTissue, score: 5, rationale: It suits too. }
              - phase: maintenance
          - id: contradictory-placements
            name: Two styles both first
            guidance: G4.1
            when: { painIntensity: 9 }
            then:
              - rankFirst: shiatsu
              - rankAbove: { style: deepTissue, than: shiatsu }
        """;

    private static readonly Advisor Tiny = new AdvisorBuilder().AddRules(TinyRules, "tiny.yaml").Build();

    [Fact]
    public void A_scenario_whose_expectations_hold_passes_and_keeps_the_advice()
    {
        var scenario = Parse(2, """
              topStyle: shiatsu
              phase: maintenance
              rulesFired: [shiatsu-candidate]
        """);

        var result = ScenarioRunner.Run(Tiny, scenario);

        result.Passed.Should().BeTrue();
        result.Failures.Should().BeEmpty();
        result.Name.Should().Be("tiny scenario");
        result.Advice!.Styles[0].Style.Should().Be(Advice.MassageStyle.Shiatsu);
    }

    [Fact]
    public void A_rule_id_the_rule_set_does_not_have_is_a_failure_so_typos_cannot_pass()
    {
        var scenario = Parse(2, """
              rulesNotFired: [shiatsu-candidat]
              rulesFired: [no-such-rule]
        """);

        var result = ScenarioRunner.Run(Tiny, scenario);

        result.Passed.Should().BeFalse();
        result.Failures.Should().Equal(
            "rulesFired: no rule 'no-such-rule' in the rule set",
            "rulesNotFired: no rule 'shiatsu-candidat' in the rule set",
            "rulesFired: no-such-rule did not fire");
    }

    [Fact]
    public void A_rule_set_fault_is_a_failure_not_an_exception()
    {
        var scenario = Parse(9, "      topStyle: shiatsu");

        var result = ScenarioRunner.Run(Tiny, scenario);

        result.Passed.Should().BeFalse();
        result.Advice.Should().BeNull();
        result.Failures.Should().ContainSingle().Which.Should().StartWith("advice: the rule set is at fault: ");
        result.ToString().Should().StartWith("FAIL scenario.yaml: tiny scenario");
    }

    [Fact]
    public void RunAll_runs_every_scenario_of_a_file_in_order()
    {
        var file = ScenarioFile.Parse($"""
            scenarios:
              - name: first
                guidance: [G8]
                profile: {Profile(2)}
                expect: {"{"} topStyle: shiatsu {"}"}
              - name: second
                guidance: [G8]
                profile: {Profile(2)}
                expect: {"{"} topStyle: deepTissue {"}"}
            """, "two.yaml");

        var results = ScenarioRunner.RunAll(Tiny, file);

        results.Select(r => (r.Name, r.Passed)).Should().Equal(("first", true), ("second", false));
        results[1].Failures.Should().Equal("topStyle: expected deepTissue, was shiatsu");
    }

    private static Scenario Parse(int painIntensity, string expect) =>
        ScenarioFile.Parse($"""
            scenarios:
              - name: tiny scenario
                guidance: [G8]
                profile: {Profile(painIntensity)}
                expect:
            {expect}
            """, "scenario.yaml").Scenarios[0];

    private static string Profile(int painIntensity) =>
        $"{{ cause: unknown, flare: none, painSensitivity: low, painIntensity: {painIntensity}, diagnosisConfirmed: true, clinicianApproved: true }}";
}

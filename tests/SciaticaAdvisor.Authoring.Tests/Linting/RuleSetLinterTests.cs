using SciaticaAdvisor.Linting;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Linting;

public class RuleSetLinterTests
{
    private static LintFinding[] Lint(string rules) => [.. RuleSetLinter.Lint(RuleText.Advisor(rules))];

    private static string Rule(string when, string then = "[ { note: x } ]", string guidance = "G3.1", int priority = 0) => $"""
          - id: probe
            name: Probe
            guidance: {guidance}
            priority: {priority}
            when: {when}
            then: {then}
        """;

    [Theory]
    [InlineData("{ all: [ { flare: acute }, { flare: none } ] }")]
    [InlineData("{ painIntensity: { atLeast: 8, atMost: 3 } }")]
    [InlineData("{ symptoms: { any: [tingling], none: [tingling] } }")]
    [InlineData("{ all: [ { symptomWeeks: { given: false } }, { symptomWeeks: { atLeast: 12 } } ] }")]
    public void ContradictoryCondition_IsANeverFiresError(string when) =>
        Lint(Rule(when)).Should().Contain(f => f.Code == "never-fires" && f.RuleId == "probe" && f.Severity == LintSeverity.Error);

    [Theory]
    [InlineData("{ flare: acute }")]
    [InlineData("{ all: [ { painIntensity: { atLeast: 4 } }, { symptoms: { any: [tingling] } } ] }")]
    public void SatisfiableCondition_IsNotFlagged(string when) =>
        Lint(Rule(when)).Should().NotContain(f => f.RuleId == "probe");

    [Fact]
    public void UnknownGuidanceItem_IsAWarning() =>
        Lint(Rule("{ flare: acute }", guidance: "G99.9")).Should().Contain(f => f.Code == "unknown-guidance" && f.Severity == LintSeverity.Warning);

    [Fact]
    public void FactNoRuleDerives_IsANeverFiresError() =>
        Lint(Rule("{ fact: ghost }")).Should().Contain(f => f.Code == "never-fires" && f.Message.Contains("ghost"));

    [Fact]
    public void NegatedFactTestedBeforeItIsDerived_IsAWarning() =>
        Lint(Rule("{ not: { fact: flaring } }", priority: 5) + "\n" + Rule("{ flare: acute }", "[ { derive: flaring } ]").Replace("id: probe", "id: deriver", StringComparison.Ordinal))
            .Should().Contain(f => f.Code == "fact-order" && f.RuleId == "probe");

    [Fact]
    public void StyleNoRuleRecommends_IsAWarning()
    {
        var findings = RuleSetLinter.Lint(new AdvisorBuilder().AddRules("""
            name: thin
            version: 1
            rules:
              - { id: only-shiatsu, name: Only shiatsu, guidance: G8, then: [ { recommend: { style: shiatsu, score: 1 } }, { phase: maintenance } ] }
            """, "thin.yaml").Build());

        findings.Where(f => f.Code == "style-never-recommended").Should().HaveCount(4);
    }

    [Fact]
    public void NoPhaseRule_IsAnError()
    {
        var findings = RuleSetLinter.Lint(new AdvisorBuilder().AddRules("""
            name: thin
            version: 1
            rules:
              - { id: only-shiatsu, name: Only shiatsu, guidance: G8, then: [ { recommend: { style: shiatsu, score: 1 } } ] }
            """, "thin.yaml").Build());

        findings.Should().Contain(f => f.Code == "no-phase" && f.Severity == LintSeverity.Error);
    }
}

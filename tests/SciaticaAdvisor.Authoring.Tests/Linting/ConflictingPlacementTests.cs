using SciaticaAdvisor.Linting;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Linting;

/// <summary><c>lint</c> finds two rules that put different styles first on profiles they both match: a fault waiting for those profiles.</summary>
public class ConflictingPlacementTests
{
    private static LintFinding[] Lint(string rules) => [.. RuleSetLinter.Lint(RuleText.Advisor(rules))];

    private static string First(string id, string when, string styles) => $"""
          - id: {id}
            name: {id}
            guidance: G3.1
            priority: 20
            when: {when}
            then: [ {"{"} rankFirst: {styles} {"}"} ]

        """;

    [Fact]
    public void DifferentStylesFirst_OnOverlappingConditions_IsAnError()
    {
        var findings = Lint(First("gentle-first", "{ flare: acute }", "[relaxation, reflexology]") + First("shiatsu-first", "{ painSensitivity: [low, moderate] }", "shiatsu"));

        findings.Should().ContainSingle(f => f.Code == "conflicting-placements").Which.Should().Match<LintFinding>(f =>
            f.Severity == LintSeverity.Error && f.RuleId == "shiatsu-first"
            && f.Message.StartsWith("this rule puts shiatsu first and rule 'gentle-first' puts relaxation or reflexology first, and both apply to some profiles", StringComparison.Ordinal));
    }

    [Fact]
    public void DifferentStylesFirst_OnDisjointConditions_IsNotFlagged() =>
        Lint(First("gentle-first", "{ flare: acute }", "relaxation") + First("deep-first", "{ flare: none }", "deepTissue"))
            .Should().NotContain(f => f.Code == "conflicting-placements");

    [Fact]
    public void SharedStyleFirst_IsNotFlagged() =>
        Lint(First("gentle-first", "{ flare: acute }", "[relaxation, reflexology]") + First("relax-first", "{ painSensitivity: high }", "relaxation"))
            .Should().NotContain(f => f.Code == "conflicting-placements");

    [Fact]
    public void OverlapThatAFactMightPrevent_IsAWarning() =>
        Lint(First("gentle-first", "{ flare: acute }", "relaxation") + First("deep-first", "{ not: { fact: deepTissueLimited } }", "deepTissue"))
            .Should().ContainSingle(f => f.Code == "conflicting-placements").Which.Severity.Should().Be(LintSeverity.Warning);

    [Fact]
    public void TheDefaultRuleSet_HasNoConflictingPlacements() =>
        RuleSetLinter.Lint(Advisor.CreateDefault()).Should().NotContain(f => f.Code == "conflicting-placements");
}

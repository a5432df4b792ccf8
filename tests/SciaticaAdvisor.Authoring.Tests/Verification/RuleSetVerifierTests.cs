using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Rules;
using SciaticaAdvisor.Verification;

namespace SciaticaAdvisor.Tests.Verification;

public class RuleSetVerifierTests
{
    private const string SafeFlares = """
          - id: acute-no-deep
            name: No deep tissue in an acute flare
            guidance: G3.1
            when: { flare: acute }
            then: [ { contraindicate: { style: deepTissue, level: avoid, reason: flare } }, { capPressure: { max: light } } ]
          - id: unwanted-reflexology
            name: Reflexology not wanted
            guidance: G7.6
            when: { avoidStyles: { any: [reflexology] } }
            then: [ { contraindicate: { style: reflexology, level: avoid, reason: not wanted } } ]
        """;

    [Fact]
    public void RuleSetMissingAnInvariant_IsCaughtWithASmallProfile()
    {
        var report = RuleSetVerifier.Verify(RuleText.Advisor(""));

        report.Passed.Should().BeFalse();
        var acute = report.Violations.Should().Contain(v => v.Problem.Contains("deep tissue is advised during an acute flare")).Which;
        acute.Profile.Flare.Should().Be(FlareState.Acute);
        acute.Profile.AvoidStyles.Should().BeEmpty("the smallest profile showing it has no set values");
    }

    [Fact]
    public void UnwantedStylesNoRuleAvoids_AreCaught() =>
        RuleSetVerifier.Verify(RuleText.Advisor(SafeFlares)).Violations
            .Should().Contain(v => v.Problem.Contains("is not wanted but advised") && v.Profile.AvoidStyles.Count == 1);

    [Fact]
    public void PlacementsThatMoveStylesUp_ShowScoresThatAgreeWithTheRanks()
    {
        // Reflexology, the lowest baseline, placed first in an acute flare, and relaxation in the top
        // two: without raised shown scores the verifier reports invariant 7 on most of these profiles
        // (other invariants break here too: SafeFlares avoids only unwanted reflexology).
        var report = RuleSetVerifier.Verify(RuleText.Advisor(SafeFlares + "\n" + """
              - id: reflexology-first
                name: Reflexology first
                guidance: G3.1
                when: { flare: acute }
                then: [ { rankFirst: reflexology } ]
              - id: relaxation-top-two
                name: Relaxation in the top two
                guidance: G6.6
                then: [ { rankInTop: { style: relaxation, n: 2 } } ]
            """), budget: 1_000);

        report.Checked.Should().Be(96);
        report.Violations.Should().NotContain(v => v.Problem.StartsWith("7:", StringComparison.Ordinal));
    }

    [Fact]
    public void Count_IsTheProductOfTheClasses()
    {
        // flare: 3 values; avoidStyles: all 32 subsets of 5 styles (the invariants read it), within a budget that allows all.
        var report = RuleSetVerifier.Verify(RuleText.Advisor(SafeFlares), budget: 1_000);

        report.ScalarClasses.Should().Be(3);
        report.SetCombinations.Should().Be(32);
        report.Checked.Should().Be(96);
        report.Strength.Should().Be(5);
    }

    [Fact]
    public void IntegerThresholds_SplitTheRange()
    {
        var report = RuleSetVerifier.Verify(RuleText.Advisor(SafeFlares + "\n" + """
              - id: pain-split
                name: Pain split
                guidance: G10.1
                when: { painIntensity: { atLeast: 4, atMost: 7 } }
                then: [ { note: moderate pain } ]
            """), budget: 10_000);

        report.ScalarClasses.Should().Be(3 * 3, "painIntensity splits into 0-3, 4-7 and 8-10");
    }
}

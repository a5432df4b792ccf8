using System.Collections.Immutable;
using FluentAssertions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Each kind of expectation passes when it holds and fails with a readable message when it does not.</summary>
public sealed class ExpectationCheckTests
{
    private const string Profile = """
        cause: piriformisSyndrome
        flare: none
        painSensitivity: low
        painIntensity: 3
    """;

    /// <summary>Recommended: shiatsu, deepTissue, reflexology; relaxation avoided; corrective; one routine reason.</summary>
    private static readonly MassageAdvice Advice = new()
    {
        Status = AdviceStatus.Recommended,
        Styles =
        [
            Style(MassageStyle.Shiatsu, 1, Pressure.Moderate, FocusArea.WholeBody),
            Style(MassageStyle.DeepTissue, 2, Pressure.Firm, FocusArea.Piriformis, FocusArea.Gluteals),
            Style(MassageStyle.Reflexology, 3, Pressure.Moderate, FocusArea.Feet),
        ],
        Contraindications = [new() { Style = MassageStyle.Relaxation, Level = ContraindicationLevel.Avoid, Reason = "not wanted", RuleIds = ["not-wanted-relaxation"] }],
        Adjuncts = [],
        Plan = FrequencyPlan.For(PlanPhase.Corrective),
        Referral = new() { Urgency = ReferralUrgency.Routine, Reasons = ["ask the doctor or physical therapist to approve massage"], RuleIds = ["massage-not-approved-ask-clinician"] },
        Notes = ["Skip the affected skin area."],
        Trace = [new("baseline-shiatsu", "Shiatsu is a candidate")],
        RuleSet = new() { Name = "test", Version = "0.0.0", Sha256 = "00" },
    };

    [Fact]
    public void Every_expectation_that_holds_gives_no_failure()
    {
        var expect = Expect("""
              status: recommended
              topStyle: [shiatsu, deepTissue]
              stylesPresent: [shiatsu, deepTissue, reflexology]
              stylesAbsent: [relaxation, lomiLomi]
              rankAtMost: { reflexology: 3, shiatsu: 1 }
              rankedAbove: [[shiatsu, deepTissue], [deepTissue, reflexology]]
              contraindications: { relaxation: avoid, shiatsu: none }
              pressure: { deepTissue: firm, reflexology: moderate }
              maxPressure: firm
              focusAreas: { deepTissue: [gluteals, piriformis], reflexology: [feet] }
              adjuncts: []
              phase: corrective
              referral: routine
              referralReasons: 1
              notesContain: ["SKIP THE AFFECTED"]
              rulesFired: [baseline-shiatsu]
              rulesNotFired: [acute-flare-no-deep-tissue]
        """);

        ExpectationChecks.Check(expect, Advice).Should().BeEmpty();
    }

    [Theory]
    [InlineData("status: referral", "status: expected referral, was recommended")]
    [InlineData("topStyle: deepTissue", "topStyle: expected deepTissue, was shiatsu")]
    [InlineData("topStyle: [relaxation, reflexology]", "topStyle: expected one of relaxation, reflexology, was shiatsu")]
    [InlineData("stylesPresent: [lomiLomi]", "stylesPresent: lomiLomi is not in styles (styles: shiatsu, deepTissue, reflexology)")]
    [InlineData("stylesAbsent: [deepTissue]", "stylesAbsent: deepTissue is in styles at rank 2")]
    [InlineData("rankAtMost: { reflexology: 2 }", "rankAtMost: reflexology expected rank at most 2, was 3")]
    [InlineData("rankAtMost: { lomiLomi: 3 }", "rankAtMost: lomiLomi expected rank at most 3, was not in styles")]
    [InlineData("rankedAbove: [[deepTissue, shiatsu]]", "rankedAbove: expected deepTissue above shiatsu, was deepTissue rank 2 and shiatsu rank 1")]
    [InlineData("rankedAbove: [[lomiLomi, shiatsu]]", "rankedAbove: expected lomiLomi above shiatsu, was lomiLomi not in styles and shiatsu rank 1")]
    [InlineData("contraindications: { relaxation: caution }", "contraindications: relaxation expected caution, was avoid")]
    [InlineData("contraindications: { shiatsu: avoid }", "contraindications: shiatsu expected avoid, was none")]
    [InlineData("contraindications: { relaxation: none }", "contraindications: relaxation expected none, was avoid")]
    [InlineData("pressure: { deepTissue: moderate }", "pressure: deepTissue expected moderate, was firm")]
    [InlineData("pressure: { lomiLomi: light }", "pressure: lomiLomi expected light, was not in styles")]
    [InlineData("maxPressure: light", "maxPressure: expected no style above light, but shiatsu is moderate, deepTissue is firm, reflexology is moderate")]
    [InlineData("focusAreas: { deepTissue: [piriformis, hamstrings] }", "focusAreas: deepTissue lacks hamstrings (was [piriformis, gluteals])")]
    [InlineData("focusAreas: { lomiLomi: [wholeBody] }", "focusAreas: lomiLomi is not in styles")]
    [InlineData("adjuncts: [heatIce]", "adjuncts: expected [heatIce], was []")]
    [InlineData("phase: intensive", "phase: expected intensive, was corrective")]
    [InlineData("phase: null", "phase: expected null (no plan), was corrective")]
    [InlineData("referral: urgent", "referral: expected urgent, was routine")]
    [InlineData("referral: none", "referral: expected none, was routine")]
    [InlineData("referralReasons: 2", "referralReasons: expected 2, was 1 (ask the doctor or physical therapist to approve massage)")]
    [InlineData("notesContain: [side-lying]", "notesContain: no note contains \"side-lying\" (notes: Skip the affected skin area.)")]
    [InlineData("rulesFired: [acute-flare-no-deep-tissue]", "rulesFired: acute-flare-no-deep-tissue did not fire")]
    [InlineData("rulesNotFired: [baseline-shiatsu]", "rulesNotFired: baseline-shiatsu fired")]
    public void An_expectation_that_does_not_hold_fails_with_a_readable_message(string expectation, string message)
    {
        var expect = Expect("      " + expectation);

        ExpectationChecks.Check(expect, Advice).Should().Equal(message);
    }

    [Fact]
    public void Every_failing_expectation_is_reported_not_only_the_first()
    {
        var expect = Expect("""
              status: referral
              phase: null
              adjuncts: [heatIce]
        """);

        ExpectationChecks.Check(expect, Advice).Should().HaveCount(3);
    }

    [Fact]
    public void An_advice_without_styles_reports_no_top_style()
    {
        var expect = Expect("      topStyle: shiatsu");

        ExpectationChecks.Check(expect, Advice with { Styles = [] }).Should().Equal("topStyle: expected shiatsu, was none (no styles)");
    }

    private static ScenarioExpectations Expect(string expectYaml)
    {
        var yaml = $"""
            scenarios:
              - name: check
                guidance: [G8]
                profile:
            {Indent(Profile, "      ")}
                expect:
            {expectYaml}
            """;
        return ScenarioFile.Parse(yaml, "test.yaml").Scenarios[0].Expect;
    }

    private static string Indent(string text, string by) =>
        string.Join("\n", text.Split('\n').Select(line => by + line.Trim()));

    private static StyleAdvice Style(MassageStyle style, int rank, Pressure pressure, params FocusArea[] focus) => new()
    {
        Style = style,
        Rank = rank,
        Score = 100 - rank,
        Pressure = pressure,
        FocusAreas = [.. focus],
        Rationale = "test",
        RuleIds = ImmutableArray<string>.Empty,
    };
}

using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Tests.Rules;

public class ActionTests
{
    private static MassageAdvice Run(string actions) => RuleText.Advisor($"""
          - id: act
            name: Acting rule
            guidance: G0
            then: {actions}
        """).Advise(RuleText.Profile());

    [Fact]
    public void Recommend_AddsScoreAndRationaleAndRuleId()
    {
        var advice = Run("[ { recommend: { style: reflexology, score: 100, rationale: Eases tingling. } } ]");

        var top = advice.Styles[0];
        top.Style.Should().Be(MassageStyle.Reflexology);
        top.Score.Should().Be(110);
        top.Rationale.Should().Be("Pressure points of the feet. Eases tingling.");
        top.RuleIds.Should().Equal("base-reflexology", "act");
    }

    [Fact]
    public void Recommend_NegativeScore_LowersTheStyle() =>
        RuleText.Order(Run("[ { recommend: { style: shiatsu, score: -45 } } ]")).Last().Should().Be(MassageStyle.Shiatsu);

    [Fact]
    public void Contraindicate_Avoid_RemovesTheStyle()
    {
        var advice = Run("[ { contraindicate: { style: shiatsu, level: avoid, reason: not today } } ]");

        RuleText.Order(advice).Should().NotContain(MassageStyle.Shiatsu);
        advice.Contraindications.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Style = MassageStyle.Shiatsu, Level = ContraindicationLevel.Avoid, Reason = "not today", RuleIds = new[] { "act" },
        });
    }

    [Fact]
    public void Contraindicate_Caution_LowersScoreByPenalty()
    {
        var advice = Run("[ { contraindicate: { style: shiatsu, level: caution, reason: careful } } ]");

        advice.Styles.Single(s => s.Style == MassageStyle.Shiatsu).Score.Should().Be(40);
        advice.Styles.Single(s => s.Style == MassageStyle.Shiatsu).RuleIds.Should().Contain("act");
    }

    [Fact]
    public void CapPressure_AllStyles_CapsEveryStyleAboveIt()
    {
        var advice = Run("[ { capPressure: { max: light } } ]");

        advice.Styles.Should().OnlyContain(s => s.Pressure == Pressure.Light);
        advice.Styles.Single(s => s.Style == MassageStyle.Relaxation).RuleIds.Should().NotContain("act", "relaxation is light by nature");
    }

    [Fact]
    public void CapPressure_ListedStyles_CapsOnlyThose()
    {
        var advice = Run("[ { capPressure: { max: moderate, styles: [deepTissue] } } ]");

        advice.Styles.Single(s => s.Style == MassageStyle.DeepTissue).Pressure.Should().Be(Pressure.Moderate);
        advice.Styles.Single(s => s.Style == MassageStyle.Shiatsu).Pressure.Should().Be(Pressure.Moderate);
    }

    [Fact]
    public void Focus_AddsAreasAndReplacesDefault()
    {
        var advice = Run("[ { focus: { styles: [deepTissue], areas: [gluteals, piriformis] } } ]");

        advice.Styles.Single(s => s.Style == MassageStyle.DeepTissue).FocusAreas.Should().Equal(FocusArea.Piriformis, FocusArea.Gluteals);
        advice.Styles.Single(s => s.Style == MassageStyle.Shiatsu).FocusAreas.Should().Equal(FocusArea.WholeBody);
        advice.Styles.Single(s => s.Style == MassageStyle.Reflexology).FocusAreas.Should().Equal(FocusArea.Feet);
    }

    [Fact]
    public void Adjunct_IsListedWithReason() =>
        Run("[ { adjunct: { therapy: heatIce, reason: ice then heat } } ]").Adjuncts.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Therapy = AdjunctTherapy.HeatIce, Reason = "ice then heat", RuleIds = new[] { "act" } });

    [Fact]
    public void Refer_Routine_KeepsStatus()
    {
        var advice = Run("[ { refer: { urgency: routine, reason: see a physical therapist } } ]");

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Routine);
        advice.Status.Should().Be(AdviceStatus.Recommended);
    }

    [Fact]
    public void Refer_Urgent_MakesStatusReferralAndClearsStylesPlanAdjuncts()
    {
        var advice = Run("[ { refer: { urgency: urgent, reason: rule out a fracture } }, { adjunct: { therapy: heatIce, reason: ice } } ]");

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
        advice.Adjuncts.Should().BeEmpty();
        advice.Plan.Should().BeNull();
    }

    [Fact]
    public void Note_AppearsOnce() => Run("[ { note: rest well }, { note: rest well } ]").Notes.Should().Equal("rest well");

    [Fact]
    public void Phase_MostIntensiveWins() =>
        Run("[ { phase: corrective } ]").Plan!.CurrentPhase.Should().Be(PlanPhase.Corrective);

    [Fact]
    public void RankFirst_OverridesScores() =>
        RuleText.Order(Run("[ { rankFirst: reflexology } ]")).First().Should().Be(MassageStyle.Reflexology);

    [Fact]
    public void RankFirst_OneOf_TakesTheBestScoringOfTheList() =>
        RuleText.Order(Run("[ { rankFirst: [reflexology, relaxation] } ]")).First().Should().Be(MassageStyle.Relaxation);

    [Fact]
    public void RankInTop_MovesTheStyleUpJustEnough() =>
        RuleText.Order(Run("[ { rankInTop: { style: reflexology, n: 2 } } ]")).Should().Equal(
            MassageStyle.Shiatsu, MassageStyle.Reflexology, MassageStyle.DeepTissue, MassageStyle.LomiLomi, MassageStyle.Relaxation);

    [Fact]
    public void RankAbove_PutsTheBestScoringStyleThatCanGoFirstFirst() =>
        RuleText.Order(Run("[ { rankAbove: { style: lomiLomi, than: shiatsu } } ]")).Should().Equal(
            MassageStyle.DeepTissue, MassageStyle.LomiLomi, MassageStyle.Shiatsu, MassageStyle.Relaxation, MassageStyle.Reflexology);

    [Fact]
    public void Placement_OnAvoidedStyle_IsVoid()
    {
        var advice = Run("[ { contraindicate: { style: reflexology, level: avoid, reason: no } }, { rankFirst: reflexology } ]");

        RuleText.Order(advice).First().Should().Be(MassageStyle.Shiatsu);
    }
}

using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>The checker must catch each broken invariant, or the tests that use it prove nothing.</summary>
public class InvariantCheckerTests
{
    private static readonly MassageAdvice Good = Advise(Plain);

    [Fact]
    public void Check_GoodAdvice_FindsNothing() =>
        InvariantChecker.Check(Plain, Good).Should().BeEmpty();

    [Fact]
    public void Check_UnwantedStyleAdvised_ReportsInvariant1() =>
        InvariantChecker.Check(Plain with { AvoidStyles = [Shiatsu] }, Good).Should().ContainSingle(v => v.StartsWith("1:"));

    [Fact]
    public void Check_AvoidedStyleAdvised_ReportsInvariant1()
    {
        var advice = Good with
        {
            Contraindications = [new Contraindication { Style = LomiLomi, Level = ContraindicationLevel.Avoid, Reason = "x", RuleIds = [] }],
        };

        InvariantChecker.Check(Plain, advice).Should().ContainSingle(v => v.StartsWith("1:"));
    }

    [Fact]
    public void Check_DeepTissueAndFirmPressureInAcuteFlare_ReportsInvariant2() =>
        InvariantChecker.Check(Plain with { Flare = FlareState.Acute }, Good)
            .Where(v => v.StartsWith("2:")).Should().HaveCount(1 + Good.Styles.Count(s => s.Pressure > Pressure.Light));

    [Fact]
    public void Check_UrgentReferralWithStyles_ReportsInvariant3()
    {
        var advice = Good with { Referral = new Referral { Urgency = ReferralUrgency.Urgent, Reasons = ["x"], RuleIds = [] } };

        InvariantChecker.Check(Plain, advice).Should().ContainSingle(v => v.StartsWith("3:"));
    }

    [Fact]
    public void Check_ReferralStatusWithStylesAndPlan_ReportsInvariant3() =>
        InvariantChecker.Check(Plain, Good with { Status = AdviceStatus.Referral }).Where(v => v.StartsWith("3:")).Should().HaveCount(2);

    [Fact]
    public void Check_RecommendedWithoutStyles_ReportsInvariant3() =>
        InvariantChecker.Check(Plain, Good with { Styles = [] }).Should().ContainSingle(v => v.StartsWith("3:"));

    [Fact]
    public void Check_RanksOutOfOrderAndARepeatedStyle_ReportsInvariant4()
    {
        var advice = Good with { Styles = [Good.Styles[0], Good.Styles[0] with { Rank = 5 }] };

        InvariantChecker.Check(Plain, advice).Where(v => v.StartsWith("4:")).Should().HaveCount(2);
    }

    [Fact]
    public void Check_RuleIdMissingFromTrace_ReportsInvariant5() =>
        InvariantChecker.Check(Plain, Good with { Trace = [] }).Should().Contain(v => v.StartsWith("5:"));

    [Fact]
    public void Check_FocusAreasOutOfOrder_ReportsInvariant6()
    {
        var advice = Good with { Styles = [Good.Styles[0] with { FocusAreas = [FocusArea.Calves, FocusArea.Piriformis] }, .. Good.Styles[1..]] };

        InvariantChecker.Check(Plain, advice).Should().ContainSingle(v => v.StartsWith("6:"));
    }

    [Fact]
    public void Check_TiedScoresAgainstTheStyleOrder_ReportsInvariant7()
    {
        // Every style scores the same for the plain profile, so only the style order can break the tie.
        var swapped = Good with { Styles = [Good.Styles[1] with { Rank = 1 }, Good.Styles[0] with { Rank = 2 }, .. Good.Styles[2..]] };

        InvariantChecker.Check(Plain, swapped).Should().ContainSingle(v => v.StartsWith("7:"));
    }

    [Fact]
    public void Check_LowerRankShowingAHigherScore_ReportsInvariant7()
    {
        var advice = Good with { Styles = [Good.Styles[0], Good.Styles[1] with { Score = Good.Styles[0].Score + 5 }, .. Good.Styles[2..]] };

        InvariantChecker.Check(Plain, advice).Should().ContainSingle(v => v.StartsWith("7:"));
    }
}

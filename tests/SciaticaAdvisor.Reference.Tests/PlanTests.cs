using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G10: the frequency plan.</summary>
public class PlanTests
{
    [Theory]
    [InlineData(FlareState.Acute, 0, PlanPhase.Intensive)]
    [InlineData(FlareState.None, 4, PlanPhase.Intensive)]
    [InlineData(FlareState.Subsiding, 10, PlanPhase.Intensive)]
    [InlineData(FlareState.Subsiding, 0, PlanPhase.Corrective)]
    [InlineData(FlareState.None, 2, PlanPhase.Corrective)]
    [InlineData(FlareState.None, 3, PlanPhase.Corrective)]
    [InlineData(FlareState.None, 1, PlanPhase.Maintenance)]
    [InlineData(FlareState.None, 0, PlanPhase.Maintenance)]
    public void Advise_FlareAndPain_SetTheCurrentPhase(FlareState flare, int pain, PlanPhase phase) =>
        Advise(Plain with { Flare = flare, PainIntensity = pain }).Plan!.CurrentPhase.Should().Be(phase);

    [Fact]
    public void Advise_AnyPlan_ListsTheThreeFixedPhases() =>
        Advise(Plain).Plan!.Phases.Should().Equal(FrequencyPlan.StandardPhases);

    [Fact]
    public void Advise_IntensiveForMoreThanSixWeeks_RefersForReassessment()
    {
        var advice = Advise(Plain with { PainIntensity = 7, WeeksInTreatment = 7 });

        advice.Status.Should().Be(AdviceStatus.Recommended);
        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Routine);
        advice.Referral.Reasons.Should().ContainSingle().Which.Should().Contain("reassessed");
    }

    [Theory]
    [InlineData(7, 6)]
    [InlineData(3, 7)]
    public void Advise_IntensiveForSixWeeksOrNotIntensive_DoesNotRefer(int pain, int weeks) =>
        Advise(Plain with { PainIntensity = pain, WeeksInTreatment = weeks }).Referral.Should().BeNull();

    [Fact]
    public void Advise_IntensiveTooLongUnderAnUrgentReferral_StillGivesTheReassessmentReason()
    {
        var advice = Advise(Plain with { Flare = FlareState.Acute, WeeksInTreatment = 8, RedFlags = [RedFlag.RecentTrauma] });

        advice.Plan.Should().BeNull();
        advice.Referral!.Reasons.Should().Contain(r => r.Contains("reassessed"));
    }
}

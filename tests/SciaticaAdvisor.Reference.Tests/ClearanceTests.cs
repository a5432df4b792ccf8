using SciaticaAdvisor.Advice;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G2: without a diagnosis or an approval the advice is provisional.</summary>
public class ClearanceTests
{
    [Fact]
    public void Advise_DiagnosisNotConfirmed_NeedsClearanceWithARoutineReferral()
    {
        var advice = Advise(Plain with { DiagnosisConfirmed = false });

        advice.Status.Should().Be(AdviceStatus.ClearanceNeeded);
        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Routine);
        advice.Referral.Reasons.Should().ContainSingle().Which.Should().Contain("diagnosed");
    }

    [Fact]
    public void Advise_NotApproved_NeedsClearanceWithARoutineReferral()
    {
        var advice = Advise(Plain with { ClinicianApproved = false });

        advice.Status.Should().Be(AdviceStatus.ClearanceNeeded);
        advice.Referral!.Reasons.Should().ContainSingle().Which.Should().Contain("approve massage");
    }

    [Fact]
    public void Advise_ClearanceNeeded_StillGivesProvisionalStylesAndPlan()
    {
        var advice = Advise(Plain with { DiagnosisConfirmed = false, ClinicianApproved = false });

        advice.Styles.Should().HaveCount(5);
        advice.Plan.Should().NotBeNull();
    }

    [Fact]
    public void Advise_ClearedWithNothingWrong_IsRecommendedWithoutReferral()
    {
        var advice = Advise(Plain);

        advice.Status.Should().Be(AdviceStatus.Recommended);
        advice.Referral.Should().BeNull();
    }
}

using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G1: red flags send the person to a doctor first.</summary>
public class RedFlagTests
{
    [Theory]
    [InlineData(RedFlag.SaddleAnesthesia)]
    [InlineData(RedFlag.BowelOrBladderDysfunction)]
    public void Advise_CaudaEquinaSign_RefersAsEmergency(RedFlag flag)
    {
        var advice = Advise(Plain with { RedFlags = [flag] });

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Emergency);
        advice.Referral.Reasons.Should().ContainSingle(r => r.Contains("cauda equina"));
    }

    [Theory]
    [InlineData(RedFlag.ProgressiveWeakness, "progressive nerve damage")]
    [InlineData(RedFlag.Fever, "infection or malignancy")]
    [InlineData(RedFlag.UnexplainedWeightLoss, "infection or malignancy")]
    [InlineData(RedFlag.HistoryOfCancer, "infection or malignancy")]
    [InlineData(RedFlag.RecentTrauma, "fracture")]
    public void Advise_UrgentRedFlag_RefersUrgentlyWithItsReason(RedFlag flag, string reason)
    {
        var advice = Advise(Plain with { RedFlags = [flag] });

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Urgent);
        advice.Referral.Reasons.Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Fact]
    public void Advise_SuspectedDvt_RefersUrgentlyBecauseOfTheClot()
    {
        var advice = Advise(Plain with { Conditions = [HealthCondition.SuspectedDvt] });

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Urgent);
        advice.Referral.Reasons.Should().ContainSingle().Which.Should().Contain("clot");
    }

    [Fact]
    public void Advise_UrgentReferral_ShowsNoStylesAdjunctsOrPlan()
    {
        var advice = Advise(Plain with { Flare = FlareState.Acute, RedFlags = [RedFlag.Fever] });

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
        advice.Adjuncts.Should().BeEmpty();
        advice.Plan.Should().BeNull();
    }

    [Fact]
    public void Advise_UrgentReferral_NotesNotToStartMassage()
    {
        var advice = Advise(Plain with { RedFlags = [RedFlag.RecentTrauma] });

        advice.Notes.Should().Contain(ReferralRules.DoctorFirstNote);
    }

    [Fact]
    public void Advise_UrgentReferral_StillListsContraindications()
    {
        var advice = Advise(Plain with { Flare = FlareState.Acute, RedFlags = [RedFlag.Fever] });

        advice.LevelOf(MassageStyle.DeepTissue).Should().Be(ContraindicationLevel.Avoid);
        advice.LevelOf(MassageStyle.Shiatsu).Should().Be(ContraindicationLevel.Caution);
    }

    [Fact]
    public void Advise_TwoRedFlags_GiveTwoReasonsNamingEachFlag()
    {
        var advice = Advise(Plain with { RedFlags = [RedFlag.Fever, RedFlag.HistoryOfCancer] });

        advice.Referral!.Reasons.Should().HaveCount(2);
        advice.Referral.Reasons.Should().Contain(r => r.Contains("fever")).And.Contain(r => r.Contains("history of cancer"));
    }

    [Fact]
    public void Advise_EmergencyAndUrgentFlags_KeepsTheEmergencyAndEveryReason()
    {
        var advice = Advise(Plain with { RedFlags = [RedFlag.RecentTrauma, RedFlag.SaddleAnesthesia] });

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Emergency);
        advice.Referral.Reasons.Should().HaveCount(2);
    }

    [Fact]
    public void Advise_RedFlagWithoutClearance_KeepsTheRoutineReasons()
    {
        var advice = Advise(Plain with { RedFlags = [RedFlag.Fever], DiagnosisConfirmed = false, ClinicianApproved = false });

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Urgent);
        advice.Referral.Reasons.Should().HaveCount(3);
    }
}

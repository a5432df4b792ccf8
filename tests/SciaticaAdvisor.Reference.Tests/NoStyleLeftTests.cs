using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G9: no style left.</summary>
public class NoStyleLeftTests
{
    [Fact]
    public void Advise_EveryStyleUnwanted_RefersRoutinelyWithNothingShown()
    {
        var advice = Advise(Plain with { Flare = FlareState.Acute, AvoidStyles = [.. Enum.GetValues<MassageStyle>()] });

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
        advice.Adjuncts.Should().BeEmpty();
        advice.Plan.Should().BeNull();
        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Routine);
        advice.Referral.Reasons.Should().ContainSingle().Which.Should().Contain("no massage style suits");
    }

    [Fact]
    public void Advise_LastStyleAvoidedByAContraindication_RefersToo()
    {
        var advice = Advise(Plain with
        {
            PainSensitivity = PainSensitivity.High,
            AvoidStyles = [Shiatsu, LomiLomi, Relaxation, Reflexology],
        });

        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Referral!.Reasons.Should().ContainSingle().Which.Should().Contain("no massage style suits");
    }

    [Fact]
    public void Advise_NoStyleLeftAndAnEmergency_KeepsTheEmergency()
    {
        var advice = Advise(Plain with { RedFlags = [RedFlag.SaddleAnesthesia], AvoidStyles = [.. Enum.GetValues<MassageStyle>()] });

        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Emergency);
        advice.Referral.Reasons.Should().HaveCount(2);
    }

    [Fact]
    public void Advise_NoStyleLeftWithoutClearance_IsAReferralNotAClearance() =>
        Advise(Plain with { DiagnosisConfirmed = false, AvoidStyles = [.. Enum.GetValues<MassageStyle>()] })
            .Status.Should().Be(AdviceStatus.Referral);
}

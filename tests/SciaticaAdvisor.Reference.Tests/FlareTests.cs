using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G3: flares.</summary>
public class FlareTests
{
    private static readonly SymptomProfile Acute = Plain with { Flare = FlareState.Acute };

    [Fact]
    public void Advise_AcuteFlare_AvoidsDeepTissue()
    {
        var advice = Advise(Acute);

        advice.LevelOf(DeepTissue).Should().Be(ContraindicationLevel.Avoid);
        advice.StyleOrder().Should().NotContain(DeepTissue);
    }

    [Fact]
    public void Advise_AcuteFlare_CautionsShiatsu() =>
        Advise(Acute).LevelOf(Shiatsu).Should().Be(ContraindicationLevel.Caution);

    [Fact]
    public void Advise_AcuteFlare_KeepsEveryPressureLight() =>
        Advise(Acute).Styles.Should().OnlyContain(s => s.Pressure == Pressure.Light);

    [Fact]
    public void Advise_AcuteFlare_AdvisesIceThenHeat() =>
        Advise(Acute).Adjuncts.Should().ContainSingle(a => a.Therapy == AdjunctTherapy.HeatIce && a.Reason.Contains("48 hours"));

    [Fact]
    public void Advise_AcuteFlareWithShiatsuRaised_StillPutsRelaxationOrReflexologyFirst()
    {
        var advice = Advise(Acute with { Symptoms = [Symptom.RadiatingLegPain], PainSensitivity = PainSensitivity.High, SymptomWeeks = 20 });

        advice.StyleOrder()[0].Should().BeOneOf(Relaxation, Reflexology);
    }

    [Fact]
    public void Advise_AcuteFlareWithRelaxationUnwanted_PutsReflexologyFirst()
    {
        var advice = Advise(Acute with { AvoidStyles = [Relaxation], Symptoms = [Symptom.RadiatingLegPain] });

        advice.StyleOrder()[0].Should().Be(Reflexology);
    }

    [Fact]
    public void Advise_AcuteFlareWithRelaxationAndReflexologyUnwanted_LetsScoresDecideTheTop()
    {
        var advice = Advise(Acute with { AvoidStyles = [Relaxation, Reflexology], SymptomWeeks = 20 });

        advice.StyleOrder().Should().Equal(LomiLomi, Shiatsu);
    }

    [Fact]
    public void Advise_SubsidingFlare_CautionsDeepTissueAndCapsPressureAtModerate()
    {
        var advice = Advise(Plain with { Flare = FlareState.Subsiding });

        advice.LevelOf(DeepTissue).Should().Be(ContraindicationLevel.Caution);
        advice.Style(DeepTissue).Pressure.Should().Be(Pressure.Moderate);
        advice.Style(Relaxation).Pressure.Should().Be(Pressure.Light);
    }

    [Fact]
    public void Advise_NoFlare_AdvisesNoAdjunct() => Advise(Plain).Adjuncts.Should().BeEmpty();
}

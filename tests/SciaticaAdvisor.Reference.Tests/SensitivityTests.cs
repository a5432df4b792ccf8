using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G5: pain sensitivity.</summary>
public class SensitivityTests
{
    private static readonly SymptomProfile High = Plain with { PainSensitivity = PainSensitivity.High };

    [Fact]
    public void Advise_HighSensitivity_AvoidsDeepTissueAndKeepsPressureLight()
    {
        var advice = Advise(High);

        advice.LevelOf(DeepTissue).Should().Be(ContraindicationLevel.Avoid);
        advice.Styles.Should().OnlyContain(s => s.Pressure == Pressure.Light);
    }

    [Fact]
    public void Advise_HighSensitivity_RaisesLomiLomi() =>
        Advise(High).Style(LomiLomi).Score.Should().BeGreaterThan(Advise(Plain).Style(LomiLomi).Score);

    [Fact]
    public void Advise_HighSensitivity_PutsLomiLomiFirstEvenWhenOthersScoreAsHigh()
    {
        var advice = Advise(High with { Symptoms = [Symptom.RadiatingLegPain] });

        advice.StyleOrder()[0].Should().Be(LomiLomi);
    }

    [Fact]
    public void Advise_HighSensitivityInAcuteFlare_PutsRelaxationOrReflexologyFirst() =>
        Advise(High with { Flare = FlareState.Acute }).StyleOrder()[0].Should().BeOneOf(Relaxation, Reflexology);

    [Fact]
    public void Advise_ModerateSensitivity_CapsPressureAtModerate()
    {
        var advice = Advise(Plain with { PainSensitivity = PainSensitivity.Moderate });

        advice.Style(DeepTissue).Pressure.Should().Be(Pressure.Moderate);
        advice.Contraindications.Should().BeEmpty();
    }
}

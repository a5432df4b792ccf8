using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.FocusArea;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G8: pressure and focus.</summary>
public class PressureAndFocusTests
{
    [Theory]
    [InlineData(DeepTissue, Pressure.Firm)]
    [InlineData(Shiatsu, Pressure.Moderate)]
    [InlineData(LomiLomi, Pressure.Moderate)]
    [InlineData(Relaxation, Pressure.Light)]
    [InlineData(Reflexology, Pressure.Moderate)]
    public void Advise_NothingCapping_GivesEachStyleItsNaturalPressure(MassageStyle style, Pressure pressure) =>
        Advise(Plain).Style(style).Pressure.Should().Be(pressure);

    [Fact]
    public void Advise_SeveralCaps_KeepsTheLowest()
    {
        var advice = Advise(Plain with { PainSensitivity = PainSensitivity.Moderate, Conditions = [HealthCondition.Osteoporosis] });

        advice.Styles.Should().OnlyContain(s => s.Pressure == Pressure.Light);
    }

    [Fact]
    public void Advise_NoFocusGiven_FocusesOnTheWholeBodyOrTheFeet()
    {
        var advice = Advise(Plain);

        advice.Styles.Where(s => s.Style != Reflexology).Should().OnlyContain(s => s.FocusAreas.SequenceEqual(new[] { WholeBody }));
        advice.Style(Reflexology).FocusAreas.Should().Equal(Feet);
    }

    [Fact]
    public void Advise_SeveralFocusRules_GiveTheUnionInFocusAreaOrder()
    {
        var advice = Advise(Plain with
        {
            Cause = SciaticaCause.PiriformisSyndrome,
            Symptoms = [Symptom.WorseWhenSitting, Symptom.RadiatingLegPain, Symptom.LowerBackPain],
        });

        advice.Style(DeepTissue).FocusAreas.Should().Equal(Piriformis, Gluteals, LowerBack, HipFlexors, Hamstrings, Calves);
    }
}

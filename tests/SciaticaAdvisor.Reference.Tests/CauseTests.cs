using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G4: causes.</summary>
public class CauseTests
{
    private static readonly SymptomProfile Piriformis = Plain with { Cause = SciaticaCause.PiriformisSyndrome };

    [Fact]
    public void Advise_PiriformisWithNothingLimiting_PutsDeepTissueFirst()
    {
        // Every style scores the same here, so the tie order would put shiatsu first.
        var advice = Advise(Piriformis with
        {
            Symptoms = [Symptom.RadiatingLegPain, Symptom.Tingling],
            SymptomWeeks = 20,
            PainSensitivity = PainSensitivity.Moderate,
        });

        advice.StyleOrder().Should().Equal(DeepTissue, LomiLomi, Reflexology, Shiatsu, Relaxation);
    }

    [Theory]
    [InlineData(FlareState.Subsiding, PainSensitivity.Low, null)]
    [InlineData(FlareState.None, PainSensitivity.Low, HealthCondition.Pregnancy)]
    public void Advise_PiriformisWithSomethingLimitingDeepTissue_LetsScoresDecideTheTop(FlareState flare, PainSensitivity sensitivity, HealthCondition? condition)
    {
        var advice = Advise(Piriformis with
        {
            Flare = flare,
            PainSensitivity = sensitivity,
            Conditions = condition is { } c ? [c] : [],
            Symptoms = [Symptom.RadiatingLegPain],
        });

        advice.StyleOrder()[0].Should().Be(Shiatsu);
    }

    [Fact]
    public void Advise_Piriformis_FocusesDeepTissueOnPiriformisAndGluteals() =>
        Advise(Piriformis).Style(DeepTissue).FocusAreas.Should().Equal(FocusArea.Piriformis, FocusArea.Gluteals);

    [Fact]
    public void Advise_HerniatedDisc_CautionsDeepTissueAndCapsPressureAtModerate()
    {
        var advice = Advise(Plain with { Cause = SciaticaCause.HerniatedDisc });

        advice.LevelOf(DeepTissue).Should().Be(ContraindicationLevel.Caution);
        advice.Contraindications.Single().Reason.Should().Be("no deep pressure near a herniated disc");
        advice.Styles.Should().OnlyContain(s => s.Pressure <= Pressure.Moderate);
    }

    [Fact]
    public void Advise_HerniatedDisc_RanksShiatsuAboveDeepTissue()
    {
        var order = Advise(Plain with { Cause = SciaticaCause.HerniatedDisc }).StyleOrder();

        Array.IndexOf(order, Shiatsu).Should().BeLessThan(Array.IndexOf(order, DeepTissue));
    }

    [Theory]
    [InlineData(SciaticaCause.SpinalStenosis)]
    [InlineData(SciaticaCause.Spondylolisthesis)]
    public void Advise_StenosisOrSpondylolisthesis_NotesPositioning(SciaticaCause cause) =>
        Advise(Plain with { Cause = cause }).Notes.Should().ContainSingle(n => n.Contains("side-lying") && n.Contains("pillow under the abdomen"));

    [Theory]
    [InlineData(SciaticaCause.Spondylolisthesis, "no deep pressure over the lumbar spine")]
    [InlineData(SciaticaCause.Unknown, "deep work only once a muscular cause is confirmed")]
    public void Advise_SpondylolisthesisOrUnknownCause_CautionsDeepTissue(SciaticaCause cause, string reason)
    {
        var advice = Advise(Plain with { Cause = cause });

        advice.Contraindications.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Style = DeepTissue, Level = ContraindicationLevel.Caution, Reason = reason });
    }

    [Fact]
    public void Advise_SpinalStenosis_ContraindicatesNothing() =>
        Advise(Plain).Contraindications.Should().BeEmpty();
}

using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Advice.ContraindicationLevel;
using static SciaticaAdvisor.Advice.MassageStyle;
using static SciaticaAdvisor.Reference.Tests.TestProfiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>G7: other conditions and wishes.</summary>
public class ConditionTests
{
    [Theory]
    [InlineData(HealthCondition.Anticoagulants, Pressure.Moderate)]
    [InlineData(HealthCondition.Osteoporosis, Pressure.Light)]
    [InlineData(HealthCondition.RecentSpinalSurgery, Pressure.Moderate)]
    [InlineData(HealthCondition.Pregnancy, Pressure.Moderate)]
    public void Advise_AnticoagulantsOsteoporosisSurgeryOrPregnancy_AvoidsDeepTissueAndCautionsShiatsu(HealthCondition condition, Pressure cap)
    {
        var advice = Advise(Plain with { Conditions = [condition] });

        advice.LevelOf(DeepTissue).Should().Be(Avoid);
        advice.LevelOf(Shiatsu).Should().Be(Caution);
        advice.Styles.Max(s => s.Pressure).Should().Be(cap);
    }

    [Fact]
    public void Advise_Pregnancy_AvoidsDeepTissueCautionsReflexologyAndNotesPrenatalCare()
    {
        var advice = Advise(Plain with { Conditions = [HealthCondition.Pregnancy] });

        advice.LevelOf(DeepTissue).Should().Be(Avoid);
        advice.LevelOf(Reflexology).Should().Be(Caution);
        advice.Notes.Should().Contain(NoteRules.PregnancyNote);
    }

    [Fact]
    public void Advise_RecentSpinalSurgery_NotesTheSurgeonsClearance() =>
        Advise(Plain with { Conditions = [HealthCondition.RecentSpinalSurgery] }).Notes.Should().Contain(NoteRules.SurgeryNote);

    [Fact]
    public void Advise_SkinLesion_NotesToSkipTheArea() =>
        Advise(Plain with { Conditions = [HealthCondition.SkinLesionInArea] }).Notes.Should().Contain(NoteRules.SkinNote);

    [Fact]
    public void Advise_UnwantedStyle_AvoidsItAsNotWanted()
    {
        var advice = Advise(Plain with { AvoidStyles = [LomiLomi] });

        advice.StyleOrder().Should().NotContain(LomiLomi);
        advice.Contraindications.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Style = LomiLomi, Level = Avoid, Reason = "not wanted" });
    }

    [Fact]
    public void Advise_CautionAndAvoidOnOneStyle_KeepsOneEntryAtAvoidWithBothReasons()
    {
        var advice = Advise(Plain with { Cause = SciaticaCause.HerniatedDisc, Conditions = [HealthCondition.Anticoagulants] });

        var deepTissue = advice.Contraindications.Single(c => c.Style == DeepTissue);
        deepTissue.Level.Should().Be(Avoid);
        deepTissue.Reason.Split("; ").Should().HaveCount(2);
    }
}

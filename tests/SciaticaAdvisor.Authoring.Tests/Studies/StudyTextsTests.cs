using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Studies;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>The run's kept texts: a profile's field, looked up by value, is the text <see cref="ProfileText"/> formats for it.</summary>
public sealed class StudyTextsTests
{
    [Fact]
    public void Field_OfEveryFieldOfSampledProfiles_IsProfileTextsFormat()
    {
        var texts = new StudyTexts();
        var sampler = new ProfileSampler(new Random(13));
        var sets = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var profile = sampler.Next();
            for (var f = 0; f < ProfileFields.All.Length; f++)
            {
                var field = ProfileFields.All[f];
                texts.Field(field, f, profile).Should().Be(ProfileText.Format(field, profile), $"{field.Name} of sampled profile {n}");
                sets += field.Kind == ProfileFieldKind.Set && ((System.Collections.ICollection)field.GetValue(profile)!).Count > 1 ? 1 : 0;
            }
        }

        sets.Should().BeGreaterThan(100, "the sample should reach sets of more than one member");
    }

    [Fact]
    public void Field_SetsOfTheSameMembersInAnyOrder_HaveOneText_AndOtherSetsTheirOwn()
    {
        var texts = new StudyTexts();
        var index = ProfileFields.All.ToList().FindIndex(f => f.Name == "symptoms");
        var field = ProfileFields.All[index];
        var profile = new SymptomProfile { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Moderate, PainIntensity = 4 };

        var forwards = texts.Field(field, index, profile with { Symptoms = [Symptom.Tingling, Symptom.Numbness] });
        var backwards = texts.Field(field, index, profile with { Symptoms = [Symptom.Numbness, Symptom.Tingling] });
        var other = texts.Field(field, index, profile with { Symptoms = [Symptom.Tingling, Symptom.LegWeakness] });

        forwards.Should().Be("tingling;numbness").And.BeSameAs(backwards);
        other.Should().Be("tingling;legWeakness");
        texts.Field(field, index, profile with { Symptoms = [] }).Should().BeEmpty();
    }
}
